package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** 'D': one row; an element is null for SQL NULL. */
public record DataRow(List<byte[]> values) implements BackendMessage {

  @Override
  public byte type() {
    return 'D';
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendShort((short) values.size());
    for (byte[] v : values) {
      if (v == null) {
        out.appendInt(-1);
      } else {
        out.appendInt(v.length).appendBytes(v);
      }
    }
  }
}
