package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** 'T': the columns of the rows that follow. */
public record RowDescription(List<Field> fields) implements BackendMessage {

  /** One column: name, type OID, type length (-1 variable) and format (0 text, 1 binary). */
  public record Field(String name, int typeOid, short typeLength, short format) {
  }

  @Override
  public byte type() {
    return 'T';
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendShort((short) fields.size());
    for (Field f : fields) {
      BackendMessage.writeCString(out, f.name());
      out.appendInt(0).appendShort((short) 0).appendInt(f.typeOid()).appendShort(f.typeLength())
          .appendInt(-1).appendShort(f.format());
    }
  }
}
