package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** 'd': a chunk of COPY data, in either direction. */
public record CopyData(Buffer data) implements BackendMessage, FrontendMessage {

  @Override
  public byte type() {
    return 'd';
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendBuffer(data);
  }
}
