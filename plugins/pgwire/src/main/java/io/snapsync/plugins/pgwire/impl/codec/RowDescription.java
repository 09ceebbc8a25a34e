package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** 'T': the columns of the rows that follow. */
public record RowDescription(List<Field> fields) implements BackendMessage {

  /**
   * One column: name, source table OID and attnum (0 when not a table column), type OID, type
   * length (-1 variable), type modifier (-1 none) and format (0 text, 1 binary).
   */
  public record Field(String name, int tableOid, short attnum, int typeOid, short typeLength,
      int typmod, short format) {

    public Field(String name, int typeOid, short typeLength, short format) {
      this(name, 0, (short) 0, typeOid, typeLength, -1, format);
    }
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
      out.appendInt(f.tableOid()).appendShort(f.attnum()).appendInt(f.typeOid())
          .appendShort(f.typeLength()).appendInt(f.typmod()).appendShort(f.format());
    }
  }
}
