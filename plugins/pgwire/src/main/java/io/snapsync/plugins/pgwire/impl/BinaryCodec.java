package io.snapsync.plugins.pgwire.impl;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's binary send/receive formats ({@code *send}/{@code *recv}) for bool, the integer
 * and float types, numeric (base-10000 digits), the text-like types, bytea, date, time,
 * timestamp, timestamptz (microseconds since 2000-01-01, infinities as the extreme values),
 * interval, uuid, json, jsonb (version 1) and arrays of these. Stateless.
 */
final class BinaryCodec {

  private static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
  private static final long PG_EPOCH_SECONDS = 946_684_800L;
  private static final BigInteger NBASE = BigInteger.valueOf(10_000);

  private BinaryCodec() {
  }

  /** True for the types this codec has a binary form for. */
  static boolean supports(DataType t) {
    return t != DataType.VOID && t != DataType.UNKNOWN;
  }

  static byte[] encode(Object v, DataType t) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      write(out, v, t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(DataOutputStream out, Object v, DataType t) throws IOException {
    if (t.isArray()) {
      writeArray(out, (List<?>) v, t.element());
      return;
    }
    switch (t) {
      case BOOL -> out.writeByte((Boolean) v ? 1 : 0);
      case INT2 -> out.writeShort(((Number) v).shortValue());
      case INT4 -> out.writeInt(((Number) v).intValue());
      case INT8 -> out.writeLong(((Number) v).longValue());
      case OID -> out.writeInt((int) ((Number) v).longValue());
      case FLOAT4 -> out.writeFloat(((Number) v).floatValue());
      case FLOAT8 -> out.writeDouble(((Number) v).doubleValue());
      case NUMERIC -> writeNumeric(out, v);
      case BYTEA -> out.write((byte[]) v);
      case DATE -> out.writeInt(days((LocalDate) v));
      case TIME -> out.writeLong(timeMicros((LocalTime) v));
      case TIMESTAMP -> out.writeLong(micros((LocalDateTime) v));
      case TIMESTAMPTZ -> out.writeLong(micros((OffsetDateTime) v));
      case INTERVAL -> {
        Interval i = (Interval) v;
        out.writeLong(i.micros());
        out.writeInt(i.days());
        out.writeInt(i.months());
      }
      case UUID -> {
        UUID u = (UUID) v;
        out.writeLong(u.getMostSignificantBits());
        out.writeLong(u.getLeastSignificantBits());
      }
      case JSONB -> {
        out.writeByte(1);
        out.write(((Json) v).text().getBytes(StandardCharsets.UTF_8));
      }
      case JSON -> out.write(((Json) v).text().getBytes(StandardCharsets.UTF_8));
      default -> out.write(v.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void writeArray(DataOutputStream out, List<?> v, DataType element)
      throws IOException {
    List<Integer> dims = new ArrayList<>();
    Object level = v;
    while (level instanceof List<?> l && !l.isEmpty()) {
      dims.add(l.size());
      level = l.get(0);
    }
    List<Object> flat = new ArrayList<>();
    flatten(v, flat);
    out.writeInt(dims.size());
    out.writeInt(flat.contains(null) ? 1 : 0);
    out.writeInt(element.oid());
    for (int d : dims) {
      out.writeInt(d);
      out.writeInt(1);
    }
    for (Object x : flat) {
      if (x == null) {
        out.writeInt(-1);
      } else {
        byte[] b = encode(x, element);
        out.writeInt(b.length);
        out.write(b);
      }
    }
  }

  private static void flatten(List<?> v, List<Object> flat) {
    for (Object x : v) {
      if (x instanceof List<?> l) {
        flatten(l, flat);
      } else {
        flat.add(x);
      }
    }
  }

  private static void writeNumeric(DataOutputStream out, Object v) throws IOException {
    if (v instanceof Double d) {
      out.writeShort(0);
      out.writeShort(0);
      out.writeShort(d.isNaN() ? 0xC000 : d > 0 ? 0xD000 : 0xF000);
      // PostgreSQL 15 sends the infinities with display scale 32, NaN with 0
      out.writeShort(d.isNaN() ? 0 : 32);
      return;
    }
    BigDecimal b = (BigDecimal) v;
    int dscale = Math.max(0, b.scale());
    BigDecimal abs = b.abs();
    // digits of base 10000, aligned so the decimal point falls between groups
    int fracGroups = (dscale + 3) / 4;
    BigInteger scaled = abs.movePointRight(fracGroups * 4).toBigInteger();
    List<Integer> groups = new ArrayList<>();
    while (scaled.signum() > 0) {
      BigInteger[] qr = scaled.divideAndRemainder(NBASE);
      groups.add(0, qr[1].intValue());
      scaled = qr[0];
    }
    int weight = groups.size() - fracGroups - 1;
    // drop trailing and leading zero groups
    int end = groups.size();
    while (end > 0 && groups.get(end - 1) == 0) {
      end--;
    }
    int start = 0;
    while (start < end && groups.get(start) == 0) {
      start++;
      weight--;
    }
    List<Integer> digits = groups.subList(start, end);
    out.writeShort(digits.size());
    out.writeShort(digits.isEmpty() ? 0 : weight);
    out.writeShort(b.signum() < 0 ? 0x4000 : 0);
    out.writeShort(dscale);
    for (int d : digits) {
      out.writeShort(d);
    }
  }

  static Object decode(byte[] value, DataType t) {
    ByteBuffer b = ByteBuffer.wrap(value);
    Object v = read(b, value.length, t);
    if (b.hasRemaining()) {
      throw new IllegalArgumentException("trailing bytes");
    }
    return v;
  }

  private static Object read(ByteBuffer b, int len, DataType t) {
    if (t.isArray()) {
      return readArray(b, t.element());
    }
    switch (t) {
      case BOOL:
        return b.get() != 0;
      case INT2:
        return b.getShort();
      case INT4:
        return b.getInt();
      case INT8:
        return b.getLong();
      case OID:
        return Integer.toUnsignedLong(b.getInt());
      case FLOAT4:
        return b.getFloat();
      case FLOAT8:
        return b.getDouble();
      case NUMERIC:
        return readNumeric(b);
      case BYTEA: {
        byte[] x = new byte[len];
        b.get(x);
        return x;
      }
      case DATE: {
        int d = b.getInt();
        return d == Integer.MAX_VALUE ? LocalDate.MAX : d == Integer.MIN_VALUE ? LocalDate.MIN
            : PG_EPOCH_DATE.plusDays(d);
      }
      case TIME:
        return timeOfMicros(b.getLong());
      case TIMESTAMP:
        return localDateTime(b.getLong());
      case TIMESTAMPTZ:
        return offsetDateTime(b.getLong());
      case INTERVAL: {
        long us = b.getLong();
        int days = b.getInt();
        return new Interval(b.getInt(), days, us);
      }
      case UUID:
        return new UUID(b.getLong(), b.getLong());
      case JSONB: {
        if (b.get() != 1) {
          throw new IllegalArgumentException("unsupported jsonb version number");
        }
        return PgValues.fromText(utf8(b, len - 1), DataType.JSONB, -1, ZoneOffset.UTC);
      }
      case JSON:
        return PgValues.fromText(utf8(b, len), DataType.JSON, -1, ZoneOffset.UTC);
      default:
        return utf8(b, len);
    }
  }

  private static String utf8(ByteBuffer b, int len) {
    byte[] x = new byte[len];
    b.get(x);
    return new String(x, StandardCharsets.UTF_8);
  }

  private static List<Object> readArray(ByteBuffer b, DataType element) {
    int ndim = b.getInt();
    b.getInt(); // has-null flag
    int oid = b.getInt();
    if (oid != element.oid() || ndim < 0 || ndim > 6) {
      throw new IllegalArgumentException("wrong element type");
    }
    int[] dims = new int[ndim];
    for (int i = 0; i < ndim; i++) {
      dims[i] = b.getInt();
      b.getInt(); // lower bound: not kept
    }
    if (ndim == 0) {
      return List.of();
    }
    return readLevel(b, element, dims, 0);
  }

  private static List<Object> readLevel(ByteBuffer b, DataType element, int[] dims, int d) {
    List<Object> out = new ArrayList<>(dims[d]);
    for (int i = 0; i < dims[d]; i++) {
      if (d + 1 < dims.length) {
        out.add(readLevel(b, element, dims, d + 1));
      } else {
        int len = b.getInt();
        if (len < 0) {
          out.add(null);
        } else {
          ByteBuffer slice = b.slice();
          slice.limit(len);
          out.add(read(slice, len, element));
          b.position(b.position() + len);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Object readNumeric(ByteBuffer b) {
    int ndigits = b.getShort() & 0xFFFF;
    int weight = b.getShort();
    int sign = b.getShort() & 0xFFFF;
    int dscale = b.getShort() & 0xFFFF;
    if (sign == 0xC000) {
      return Double.NaN;
    }
    if (sign == 0xD000) {
      return Double.POSITIVE_INFINITY;
    }
    if (sign == 0xF000) {
      return Double.NEGATIVE_INFINITY;
    }
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < ndigits; i++) {
      acc = acc.multiply(NBASE).add(BigInteger.valueOf(b.getShort()));
    }
    BigDecimal v = new BigDecimal(acc).movePointRight((weight - ndigits + 1) * 4)
        .setScale(dscale, java.math.RoundingMode.DOWN);
    return sign == 0x4000 ? v.negate() : v;
  }

  private static int days(LocalDate d) {
    if (d.equals(LocalDate.MAX)) {
      return Integer.MAX_VALUE;
    }
    if (d.equals(LocalDate.MIN)) {
      return Integer.MIN_VALUE;
    }
    return (int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, d);
  }

  private static long timeMicros(LocalTime t) {
    return t.equals(LocalTime.MAX) ? 86_400_000_000L : t.toNanoOfDay() / 1000;
  }

  private static LocalTime timeOfMicros(long us) {
    return us >= 86_400_000_000L ? LocalTime.MAX : LocalTime.ofNanoOfDay(us * 1000);
  }

  private static long micros(LocalDateTime t) {
    if (t.equals(LocalDateTime.MAX)) {
      return Long.MAX_VALUE;
    }
    if (t.equals(LocalDateTime.MIN)) {
      return Long.MIN_VALUE;
    }
    long s = t.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECONDS;
    return s * 1_000_000 + t.getNano() / 1000;
  }

  private static long micros(OffsetDateTime t) {
    if (t.equals(OffsetDateTime.MAX)) {
      return Long.MAX_VALUE;
    }
    if (t.equals(OffsetDateTime.MIN)) {
      return Long.MIN_VALUE;
    }
    long s = t.toEpochSecond() - PG_EPOCH_SECONDS;
    return s * 1_000_000 + t.getNano() / 1000;
  }

  private static LocalDateTime localDateTime(long us) {
    if (us == Long.MAX_VALUE) {
      return LocalDateTime.MAX;
    }
    if (us == Long.MIN_VALUE) {
      return LocalDateTime.MIN;
    }
    long s = Math.floorDiv(us, 1_000_000L) + PG_EPOCH_SECONDS;
    return LocalDateTime.ofEpochSecond(s, (int) Math.floorMod(us, 1_000_000L) * 1000,
        ZoneOffset.UTC);
  }

  private static OffsetDateTime offsetDateTime(long us) {
    if (us == Long.MAX_VALUE) {
      return OffsetDateTime.MAX;
    }
    if (us == Long.MIN_VALUE) {
      return OffsetDateTime.MIN;
    }
    long s = Math.floorDiv(us, 1_000_000L) + PG_EPOCH_SECONDS;
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(s,
        Math.floorMod(us, 1_000_000L) * 1000), ZoneOffset.UTC);
  }
}
