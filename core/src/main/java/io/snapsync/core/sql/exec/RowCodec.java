package io.snapsync.core.sql.exec;

import io.snapsync.core.session.DataType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Row values as bytes: per column a tag (0 null, 1 int4, 2 int8, 3 bool, 4 text) and the
 * value (4 or 8 bytes big-endian, 1 byte, or a 4-byte length and UTF-8).
 */
public final class RowCodec {

  private RowCodec() {
  }

  public static byte[] encode(List<Object> row) {
    int size = 0;
    byte[][] texts = new byte[row.size()][];
    for (int i = 0; i < row.size(); i++) {
      Object v = row.get(i);
      if (v instanceof String s) {
        texts[i] = s.getBytes(StandardCharsets.UTF_8);
        size += 5 + texts[i].length;
      } else {
        size += v == null ? 1 : v instanceof Integer ? 5 : v instanceof Long ? 9 : 2;
      }
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    for (int i = 0; i < row.size(); i++) {
      Object v = row.get(i);
      if (v == null) {
        b.put((byte) 0);
      } else if (v instanceof Integer n) {
        b.put((byte) 1).putInt(n);
      } else if (v instanceof Long n) {
        b.put((byte) 2).putLong(n);
      } else if (v instanceof Boolean x) {
        b.put((byte) 3).put((byte) (x ? 1 : 0));
      } else {
        b.put((byte) 4).putInt(texts[i].length).put(texts[i]);
      }
    }
    return b.array();
  }

  public static List<Object> decode(byte[] bytes, int columns) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    List<Object> row = new ArrayList<>(columns);
    while (b.hasRemaining()) {
      byte tag = b.get();
      switch (tag) {
        case 0 -> row.add(null);
        case 1 -> row.add(b.getInt());
        case 2 -> row.add(b.getLong());
        case 3 -> row.add(b.get() != 0);
        default -> {
          byte[] t = new byte[b.getInt()];
          b.get(t);
          row.add(new String(t, StandardCharsets.UTF_8));
        }
      }
    }
    while (row.size() < columns) {
      row.add(null);
    }
    return row;
  }

  /** The Java value class for a column type. */
  static boolean fits(DataType type, Object v) {
    return v == null || switch (type) {
      case INT4 -> v instanceof Integer;
      case INT8 -> v instanceof Long;
      case BOOL -> v instanceof Boolean;
      default -> v instanceof String;
    };
  }
}
