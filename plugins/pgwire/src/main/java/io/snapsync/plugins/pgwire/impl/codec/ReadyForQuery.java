package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** 'Z': ready for the next command; {@code status} is I (idle), T (in block) or E (failed). */
public record ReadyForQuery(char status) implements BackendMessage {

  @Override
  public byte type() {
    return 'Z';
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendByte((byte) status);
  }
}
