package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** 'K': the key a client quotes in a CancelRequest. */
public record BackendKeyData(int processId, int secretKey) implements BackendMessage {

  @Override
  public byte type() {
    return 'K';
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendInt(processId).appendInt(secretKey);
  }
}
