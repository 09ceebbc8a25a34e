package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** 't': the parameter type OIDs of a prepared statement. */
public record ParameterDescription(int[] typeOids) implements BackendMessage {

  @Override
  public byte type() {
    return 't';
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendShort((short) typeOids.length);
    for (int oid : typeOids) {
      out.appendInt(oid);
    }
  }
}
