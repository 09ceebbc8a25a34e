package io.snapsync.core.sql.exec;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.core.sql.types.Json;
import io.snapsync.core.sql.types.PgValues;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Row values as bytes: per column a tag and the value, big-endian. Tags 0-4 are the original
 * format and keep their meaning: 0 null, 1 int4, 2 int8, 3 bool (1 byte), 4 text (4-byte length
 * and UTF-8). Then: 5 int2, 6 float4, 7 float8 (also numeric NaN/Infinity), 8 numeric (4-byte
 * scale, 4-byte length, unscaled two's complement), 9 bytea (length, bytes), 10 date (epoch
 * day), 11 time (nano of day; 24:00:00 is {@code LocalTime.MAX}), 12 timestamp and 13
 * timestamptz (epoch second and nano, UTC; infinities as Long.MAX/MIN seconds), 14 interval
 * (months, days, micros), 15 uuid (two longs), 16 json and 17 jsonb (length, UTF-8), 18 array
 * (4-byte count, then tagged elements, nested arrays as tag 18).
 */
public final class RowCodec {

  private static final byte NULL = 0;
  private static final byte INT4 = 1;
  private static final byte INT8 = 2;
  private static final byte BOOL = 3;
  private static final byte TEXT = 4;
  private static final byte INT2 = 5;
  private static final byte FLOAT4 = 6;
  private static final byte FLOAT8 = 7;
  private static final byte NUMERIC = 8;
  private static final byte BYTEA = 9;
  private static final byte DATE = 10;
  private static final byte TIME = 11;
  private static final byte TIMESTAMP = 12;
  private static final byte TIMESTAMPTZ = 13;
  private static final byte INTERVAL = 14;
  private static final byte UUID_TAG = 15;
  private static final byte JSON = 16;
  private static final byte JSONB = 17;
  private static final byte ARRAY = 18;

  private RowCodec() {
  }

  public static byte[] encode(List<Object> row) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + row.size() * 9);
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      for (Object v : row) {
        write(out, v);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof Integer n) {
      out.writeByte(INT4);
      out.writeInt(n);
    } else if (v instanceof Long n) {
      out.writeByte(INT8);
      out.writeLong(n);
    } else if (v instanceof Boolean b) {
      out.writeByte(BOOL);
      out.writeByte(b ? 1 : 0);
    } else if (v instanceof String s) {
      out.writeByte(TEXT);
      bytes(out, s.getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof Short n) {
      out.writeByte(INT2);
      out.writeShort(n);
    } else if (v instanceof Float f) {
      out.writeByte(FLOAT4);
      out.writeFloat(f);
    } else if (v instanceof Double d) {
      out.writeByte(FLOAT8);
      out.writeDouble(d);
    } else if (v instanceof BigDecimal d) {
      out.writeByte(NUMERIC);
      out.writeInt(d.scale());
      bytes(out, d.unscaledValue().toByteArray());
    } else if (v instanceof byte[] b) {
      out.writeByte(BYTEA);
      bytes(out, b);
    } else if (v instanceof LocalDate d) {
      out.writeByte(DATE);
      out.writeLong(d.toEpochDay());
    } else if (v instanceof LocalTime t) {
      out.writeByte(TIME);
      out.writeLong(t.toNanoOfDay());
    } else if (v instanceof LocalDateTime t) {
      out.writeByte(TIMESTAMP);
      out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
      out.writeInt(t.getNano());
    } else if (v instanceof OffsetDateTime t) {
      out.writeByte(TIMESTAMPTZ);
      boolean max = t.equals(OffsetDateTime.MAX);
      boolean min = t.equals(OffsetDateTime.MIN);
      out.writeLong(max ? Long.MAX_VALUE : min ? Long.MIN_VALUE : t.toEpochSecond());
      out.writeInt(max || min ? 0 : t.getNano());
    } else if (v instanceof Interval i) {
      out.writeByte(INTERVAL);
      out.writeInt(i.months());
      out.writeInt(i.days());
      out.writeLong(i.micros());
    } else if (v instanceof UUID u) {
      out.writeByte(UUID_TAG);
      out.writeLong(u.getMostSignificantBits());
      out.writeLong(u.getLeastSignificantBits());
    } else if (v instanceof Json j) {
      out.writeByte(j.binary() ? JSONB : JSON);
      bytes(out, j.text().getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof List<?> l) {
      out.writeByte(ARRAY);
      out.writeInt(l.size());
      for (Object x : l) {
        write(out, x);
      }
    } else {
      throw new IllegalArgumentException("no storage form for " + v.getClass().getName());
    }
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  public static List<Object> decode(byte[] bytes, int columns) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    List<Object> row = new ArrayList<>(columns);
    while (b.hasRemaining()) {
      row.add(read(b));
    }
    while (row.size() < columns) {
      row.add(null);
    }
    return row;
  }

  private static Object read(ByteBuffer b) {
    byte tag = b.get();
    switch (tag) {
      case NULL:
        return null;
      case INT4:
        return b.getInt();
      case INT8:
        return b.getLong();
      case BOOL:
        return b.get() != 0;
      case TEXT:
        return new String(bytes(b), StandardCharsets.UTF_8);
      case INT2:
        return b.getShort();
      case FLOAT4:
        return b.getFloat();
      case FLOAT8:
        return b.getDouble();
      case NUMERIC: {
        int scale = b.getInt();
        return new BigDecimal(new BigInteger(bytes(b)), scale);
      }
      case BYTEA:
        return bytes(b);
      case DATE:
        return LocalDate.ofEpochDay(b.getLong());
      case TIME:
        return LocalTime.ofNanoOfDay(b.getLong());
      case TIMESTAMP: {
        long s = b.getLong();
        return LocalDateTime.ofEpochSecond(s, b.getInt(), ZoneOffset.UTC);
      }
      case TIMESTAMPTZ: {
        long s = b.getLong();
        int n = b.getInt();
        if (s == Long.MAX_VALUE) {
          return OffsetDateTime.MAX;
        }
        if (s == Long.MIN_VALUE) {
          return OffsetDateTime.MIN;
        }
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n), ZoneOffset.UTC);
      }
      case INTERVAL:
        return new Interval(b.getInt(), b.getInt(), b.getLong());
      case UUID_TAG:
        return new UUID(b.getLong(), b.getLong());
      case JSON:
      case JSONB:
        return new Json(new String(bytes(b), StandardCharsets.UTF_8), tag == JSONB);
      case ARRAY: {
        int n = b.getInt();
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          l.add(read(b));
        }
        return Collections.unmodifiableList(l);
      }
      default:
        throw new IllegalStateException("unknown row value tag " + tag);
    }
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] t = new byte[b.getInt()];
    b.get(t);
    return t;
  }

  /** True when {@code v} is of the Java value class of {@code type} (or null). */
  static boolean fits(DataType type, Object v) {
    return PgValues.fits(type, v);
  }
}
