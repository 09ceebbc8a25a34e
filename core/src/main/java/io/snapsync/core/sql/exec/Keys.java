package io.snapsync.core.sql.exec;

import io.snapsync.core.session.DataType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key layout of the MVCC store. Table definitions: {@code 'T' name}. Rows: {@code 'R' tableId
 * (8 bytes) pk}, with order-preserving primary-key encodings: integers as 8 big-endian bytes
 * with the sign bit flipped, text as UTF-8 (byte order = code point order), booleans as 0/1.
 */
public final class Keys {

  private static final byte TABLE = 'T';
  private static final byte ROW = 'R';

  private Keys() {
  }

  public static byte[] table(String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + n.length).put(TABLE).put(n).array();
  }

  /** First key of the table-definition range. */
  public static byte[] tablesFrom() {
    return new byte[] {TABLE};
  }

  public static byte[] tablesTo() {
    return new byte[] {TABLE + 1};
  }

  public static byte[] row(long tableId, DataType type, Object pk) {
    byte[] k = encode(type, pk);
    return ByteBuffer.allocate(9 + k.length).put(ROW).putLong(tableId).put(k).array();
  }

  /** First row key of the table. */
  public static byte[] rowsFrom(long tableId) {
    return ByteBuffer.allocate(9).put(ROW).putLong(tableId).array();
  }

  /** The key after the table's last row. */
  public static byte[] rowsTo(long tableId) {
    if (tableId == -1L) {
      return new byte[] {ROW + 1};
    }
    return ByteBuffer.allocate(9).put(ROW).putLong(tableId + 1).array();
  }

  /** The smallest key greater than {@code key} ({@code key} followed by a 0 byte). */
  public static byte[] successor(byte[] key) {
    byte[] s = new byte[key.length + 1];
    System.arraycopy(key, 0, s, 0, key.length);
    return s;
  }

  /**
   * The row key of a composite primary key: each value's encoding in key order, text escaped
   * (0x00 as 0x00 0xFF) and ended by 0x00 0x00, so keys order like the tuples of values and a
   * prefix of the columns is a key range.
   */
  public static byte[] composite(long tableId, java.util.List<DataType> types,
      java.util.List<Object> values) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(rowsFrom(tableId));
    for (int i = 0; i < types.size(); i++) {
      byte[] e = encode(types.get(i), values.get(i));
      if (isInteger(types.get(i)) || types.get(i) == DataType.BOOL) {
        out.writeBytes(e);
        continue;
      }
      for (byte b : e) {
        out.write(b);
        if (b == 0) {
          out.write(0xFF);
        }
      }
      out.write(0);
      out.write(0);
    }
    return out.toByteArray();
  }

  private static boolean isInteger(DataType t) {
    return t == DataType.INT4 || t == DataType.INT8;
  }

  static byte[] encode(DataType type, Object v) {
    return switch (type) {
      case INT4, INT8 -> ByteBuffer.allocate(8).putLong(((Number) v).longValue() ^ Long.MIN_VALUE)
          .array();
      case BOOL -> new byte[] {(byte) ((Boolean) v ? 1 : 0)};
      default -> ((String) v).getBytes(StandardCharsets.UTF_8);
    };
  }
}
