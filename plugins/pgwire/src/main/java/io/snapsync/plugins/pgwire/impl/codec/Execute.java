package io.snapsync.plugins.pgwire.impl.codec;

/** 'E': run a portal, returning at most {@code maxRows} rows (0 = all). */
public record Execute(String portal, int maxRows) implements FrontendMessage {

  static Execute decode(MessageReader r) {
    String portal = r.readCString();
    int max = r.readInt();
    r.end();
    return new Execute(portal, max);
  }
}
