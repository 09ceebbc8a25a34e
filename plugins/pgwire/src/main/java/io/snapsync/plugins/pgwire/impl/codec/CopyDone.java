package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** 'c': the end of the COPY data, in either direction. */
public enum CopyDone implements BackendMessage, FrontendMessage {
  INSTANCE;

  @Override
  public byte type() {
    return 'c';
  }

  @Override
  public void writeBody(Buffer out) {
  }
}
