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

  static byte[] encode(DataType type, Object v) {
    return switch (type) {
      case INT4, INT8 -> ByteBuffer.allocate(8).putLong(((Number) v).longValue() ^ Long.MIN_VALUE)
          .array();
      case BOOL -> new byte[] {(byte) ((Boolean) v ? 1 : 0)};
      default -> ((String) v).getBytes(StandardCharsets.UTF_8);
    };
  }
}
