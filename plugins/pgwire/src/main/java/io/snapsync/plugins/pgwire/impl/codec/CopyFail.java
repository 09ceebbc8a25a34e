package io.snapsync.plugins.pgwire.impl.codec;

/** 'f': the client gives up a COPY FROM STDIN, with its reason. */
public record CopyFail(String message) implements FrontendMessage {

  static CopyFail decode(MessageReader r) {
    String m = r.readCString();
    r.end();
    return new CopyFail(m);
  }
}
