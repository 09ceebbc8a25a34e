package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** 'S': the current value of a reported run-time parameter. */
public record ParameterStatus(String name, String value) implements BackendMessage {

  @Override
  public byte type() {
    return 'S';
  }

  @Override
  public void writeBody(Buffer out) {
    BackendMessage.writeCString(out, name);
    BackendMessage.writeCString(out, value);
  }
}
