package io.snapsync.plugins.pgwire.impl.codec;

/** 'Q': a simple query, possibly several statements. */
public record Query(String sql) implements FrontendMessage {

  static Query decode(MessageReader r) {
    String sql = r.readCString();
    r.end();
    return new Query(sql);
  }
}
