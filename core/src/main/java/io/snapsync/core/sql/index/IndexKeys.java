package io.snapsync.core.sql.index;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.exec.RowCodec;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Key layout of index entries in the MVCC store: {@code 'I' indexId (8 bytes)}, then per index
 * column a null flag ({@code 0x00} NULL first, {@code 0x01} a value, {@code 0x02} NULL last)
 * and the value's self-delimiting, order-preserving encoding (every byte inverted for DESC),
 * then the row key. A unique index whose values are all non-null leaves the row key out, so a
 * second row with the same values writes (and locks) the very same key. The entry's value is
 * the row key followed by the indexed values ({@link #entryValue}), so a query reading only
 * indexed columns never visits the row. Encodings: integers 8 big-endian bytes with the sign bit flipped, floats their
 * sortable bits, dates and times their epoch numbers, uuid its 16 bytes, text its UTF-8 bytes
 * (0x00 escaped as 0x00 0xFF) ended by 0x00 0x00; other types an escaped canonical storage
 * form, which orders nothing, so the planner uses those indexes for nothing but upkeep.
 */
public final class IndexKeys {

  private static final byte INDEX = 'I';
  private static final byte NULL_FIRST = 0;
  private static final byte VALUE = 1;
  private static final byte NULL_LAST = 2;

  private IndexKeys() {
  }

  /** The first key of the index. */
  public static byte[] from(long indexId) {
    return ByteBuffer.allocate(9).put(INDEX).putLong(indexId).array();
  }

  /** The key after the index's last entry. */
  public static byte[] to(long indexId) {
    if (indexId == -1L) {
      return new byte[] {INDEX + 1};
    }
    return ByteBuffer.allocate(9).put(INDEX).putLong(indexId + 1).array();
  }

  /**
   * The key prefix of the entries whose first {@code values.size()} index columns hold
   * {@code values} (each of the column's family; see {@link #orders}).
   */
  public static byte[] prefix(IndexDef ix, List<Object> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 9 * values.size());
    out.writeBytes(from(ix.id()));
    for (int i = 0; i < values.size(); i++) {
      column(out, ix, i, values.get(i));
    }
    return out.toByteArray();
  }

  /** The entry key of a row with index column values {@code values} and key {@code rowKey}. */
  public static byte[] entry(IndexDef ix, List<Object> values, byte[] rowKey) {
    byte[] p = prefix(ix, values);
    if (ix.unique() && !values.contains(null)) {
      return p;
    }
    byte[] k = Arrays.copyOf(p, p.length + rowKey.length);
    System.arraycopy(rowKey, 0, k, p.length, rowKey.length);
    return k;
  }

  /** The value of an entry: the row key (as bytea) then the index column values. */
  public static byte[] entryValue(byte[] rowKey, List<Object> values) {
    List<Object> v = new java.util.ArrayList<>(values.size() + 1);
    v.add(rowKey);
    v.addAll(values);
    return RowCodec.encode(v);
  }

  /** Decodes {@link #entryValue}: the row key first, then the index column values. */
  public static List<Object> decodeValue(IndexDef ix, byte[] value) {
    return RowCodec.decode(value, ix.columns().size() + 1);
  }

  /** The smallest key after every key starting with {@code prefix}. */
  public static byte[] prefixEnd(byte[] prefix) {
    byte[] e = Arrays.copyOf(prefix, prefix.length);
    for (int i = e.length - 1; i >= 0; i--) {
      if (e[i] != (byte) 0xFF) {
        e[i]++;
        return Arrays.copyOf(e, i + 1);
      }
    }
    return null;
  }

  /** True when the encoding of {@code type} orders like PostgreSQL compares (ranges, ORDER BY). */
  public static boolean orders(DataType type) {
    return switch (type) {
      case INT2, INT4, INT8, OID, BOOL, FLOAT4, FLOAT8, DATE, TIME, TIMESTAMP, TIMESTAMPTZ,
          UUID -> true;
      default -> false;
    };
  }

  /** True when equal values of {@code type} always share an encoding (point lookups). */
  public static boolean matches(DataType type) {
    return orders(type) || type == DataType.TEXT || type == DataType.VARCHAR
        || type == DataType.NAME;
  }

  private static void column(ByteArrayOutputStream out, IndexDef ix, int i, Object v) {
    boolean nullsFirst = ix.nullsFirst().get(i);
    if (v == null) {
      out.write(nullsFirst ? NULL_FIRST : NULL_LAST);
      return;
    }
    out.write(VALUE);
    byte[] e = value(v);
    if (ix.descending().get(i)) {
      for (int b = 0; b < e.length; b++) {
        e[b] = (byte) ~e[b];
      }
    }
    out.writeBytes(e);
  }

  /** The ascending, self-delimiting encoding of a non-null value. */
  static byte[] value(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return longBytes(((Number) v).longValue());
    } else if (v instanceof Boolean b) {
      return new byte[] {(byte) (b ? 1 : 0)};
    } else if (v instanceof Float || v instanceof Double) {
      double d = ((Number) v).doubleValue();
      long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
      bits = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
      return ByteBuffer.allocate(8).putLong(bits).array();
    } else if (v instanceof LocalDate d) {
      return longBytes(d.toEpochDay());
    } else if (v instanceof LocalTime t) {
      return longBytes(t.toNanoOfDay());
    } else if (v instanceof LocalDateTime t) {
      return ByteBuffer.allocate(12).put(longBytes(t.toEpochSecond(ZoneOffset.UTC)))
          .putInt(t.getNano()).array();
    } else if (v instanceof OffsetDateTime t) {
      long s = t.equals(OffsetDateTime.MAX) ? Long.MAX_VALUE
          : t.equals(OffsetDateTime.MIN) ? Long.MIN_VALUE : t.toEpochSecond();
      return ByteBuffer.allocate(12).put(longBytes(s)).putInt(t.getNano()).array();
    } else if (v instanceof UUID u) {
      return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
          .putLong(u.getLeastSignificantBits()).array();
    } else if (v instanceof String s) {
      return escaped(s.getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof BigDecimal d) {
      BigDecimal canonical = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
      return escaped(RowCodec.encode(List.of(canonical)));
    }
    return escaped(RowCodec.encode(List.of(v)));
  }

  private static byte[] longBytes(long v) {
    return ByteBuffer.allocate(8).putLong(v ^ Long.MIN_VALUE).array();
  }

  private static byte[] escaped(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 2);
    for (byte b : raw) {
      out.write(b);
      if (b == 0) {
        out.write(0xFF);
      }
    }
    out.write(0);
    out.write(0);
    return out.toByteArray();
  }
}
