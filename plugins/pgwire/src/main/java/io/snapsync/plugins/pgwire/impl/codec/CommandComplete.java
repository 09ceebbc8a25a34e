package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** 'C': a statement finished; {@code tag} like {@code SELECT 3} or {@code INSERT 0 1}. */
public record CommandComplete(String tag) implements BackendMessage {

  @Override
  public byte type() {
    return 'C';
  }

  @Override
  public void writeBody(Buffer out) {
    BackendMessage.writeCString(out, tag);
  }
}
