package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Converts values between the session's Java types ({@link DataType}) and PostgreSQL's text
 * and binary wire formats. Output is in the session's presentation (DateStyle ISO, TimeZone
 * UTC). Stateless and thread-safe.
 */
final class ValueCodec {

  static final int OID_BOOL = 16;
  static final int OID_INT8 = 20;
  static final int OID_INT2 = 21;
  static final int OID_INT4 = 23;
  static final int OID_TEXT = 25;
  static final int OID_FLOAT4 = 700;
  static final int OID_FLOAT8 = 701;
  static final int OID_UNKNOWN = 705;
  static final int OID_BPCHAR = 1042;
  static final int OID_VARCHAR = 1043;
  static final int OID_NAME = 19;
  static final int OID_TIMESTAMP = 1114;
  static final int OID_TIMESTAMPTZ = 1184;

  private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
  private static final DateTimeFormatter TIMESTAMPTZ_TEXT = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
      .appendOffset("+HH:mm", "+00")
      .toFormatter();

  private ValueCodec() {
  }

  /** Wire type length of a column type (-1 for variable length). */
  static short typeLength(DataType t) {
    switch (t) {
      case BOOL:
        return 1;
      case INT4:
      case VOID:
        return 4;
      case INT8:
      case FLOAT8:
      case TIMESTAMPTZ:
        return 8;
      default:
        return -1;
    }
  }

  /** Encodes {@code value} (null for SQL NULL) as type {@code t} in {@code format}. */
  static byte[] encode(Object value, DataType t, int format) {
    if (value == null) {
      return t == DataType.VOID ? new byte[0] : null;
    }
    return format == 1 ? binary(value, t) : text(value, t).getBytes(StandardCharsets.UTF_8);
  }

  static String text(Object v, DataType t) {
    switch (t) {
      case BOOL:
        return asBool(v) ? "t" : "f";
      case INT4:
      case INT8:
        return v instanceof Number n ? Long.toString(n.longValue()) : v.toString();
      case FLOAT8:
        return v instanceof Number n ? floatText(n.doubleValue()) : v.toString();
      case TIMESTAMPTZ:
        return v instanceof OffsetDateTime o
            ? TIMESTAMPTZ_TEXT.format(o.withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS))
            : v.toString();
      case VOID:
        return "";
      default:
        return v instanceof Boolean b ? (b ? "t" : "f") : v.toString();
    }
  }

  private static byte[] binary(Object v, DataType t) {
    switch (t) {
      case BOOL:
        return new byte[] {(byte) (asBool(v) ? 1 : 0)};
      case INT4:
        return ByteBuffer.allocate(4).putInt(((Number) v).intValue()).array();
      case INT8:
        return ByteBuffer.allocate(8).putLong(((Number) v).longValue()).array();
      case FLOAT8:
        return ByteBuffer.allocate(8).putDouble(((Number) v).doubleValue()).array();
      case TIMESTAMPTZ: {
        Instant i = ((OffsetDateTime) v).toInstant();
        return ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH, i)).array();
      }
      case VOID:
        return new byte[0];
      default:
        return text(v, t).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static boolean asBool(Object v) {
    return v instanceof Boolean b ? b : "t".equals(v) || "true".equals(v);
  }

  /** PostgreSQL's shortest exact float8 output (extra_float_digits = 1). */
  static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d == 0 && 1 / d < 0 ? "-0" : Long.toString((long) d);
    }
    String s = Double.toString(d);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exp = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
  }

  /**
   * Decodes a Bind parameter. Text values stay strings (the session converts them to the
   * parameter's type); binary values of the supported types become their Java values.
   */
  static Object decodeParam(byte[] value, int typeOid, int format, int index) {
    if (value == null) {
      return null;
    }
    if (format == 0) {
      return new String(value, StandardCharsets.UTF_8);
    }
    ByteBuffer b = ByteBuffer.wrap(value);
    try {
      switch (typeOid) {
        case OID_BOOL:
          check(value, 1, index);
          return value[0] != 0;
        case OID_INT2:
          check(value, 2, index);
          return (int) b.getShort();
        case OID_INT4:
          check(value, 4, index);
          return b.getInt();
        case OID_INT8:
          check(value, 8, index);
          return b.getLong();
        case OID_FLOAT4:
          check(value, 4, index);
          return (double) b.getFloat();
        case OID_FLOAT8:
          check(value, 8, index);
          return b.getDouble();
        case OID_TIMESTAMPTZ:
        case OID_TIMESTAMP:
          check(value, 8, index);
          return OffsetDateTime.ofInstant(PG_EPOCH.plus(b.getLong(), ChronoUnit.MICROS),
              ZoneOffset.UTC);
        case OID_TEXT:
        case OID_VARCHAR:
        case OID_BPCHAR:
        case OID_NAME:
        case OID_UNKNOWN:
          return new String(value, StandardCharsets.UTF_8);
        default:
          throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
              "pgwire.binary_param_unsupported", index, typeOid);
      }
    } catch (java.nio.BufferUnderflowException e) {
      throw badBinary(index);
    }
  }

  private static void check(byte[] v, int len, int index) {
    if (v.length != len) {
      throw badBinary(index);
    }
  }

  private static SnapsyncException badBinary(int index) {
    return SnapsyncException.error("22P03", "pgwire.bad_binary_param", index);
  }
}
