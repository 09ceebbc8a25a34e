package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgStyle;
import io.snapsync.core.sql.types.PgValues;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Converts values between the session's Java types ({@link DataType}) and PostgreSQL's text
 * and binary wire formats. Text is {@link PgValues#toText} (the session's DateStyle,
 * IntervalStyle and TimeZone); binary is {@link BinaryCodec}. Stateless
 * and thread-safe.
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

  private ValueCodec() {
  }

  /** Wire type length of a column type (pg_type.typlen; -1 for variable length). */
  static short typeLength(DataType t) {
    if (t.isArray()) {
      return -1;
    }
    switch (t) {
      case BOOL:
        return 1;
      case INT2:
        return 2;
      case INT4:
      case OID:
      case FLOAT4:
      case DATE:
      case VOID:
        return 4;
      case INT8:
      case FLOAT8:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return 8;
      case INTERVAL:
      case UUID:
        return 16;
      case NAME:
        return 64;
      case UNKNOWN:
        return -2;
      default:
        return -1;
    }
  }

  /** Encodes {@code value} (null for SQL NULL) as type {@code t} in {@code format}, UTC. */
  static byte[] encode(Object value, DataType t, int format) {
    return encode(value, t, format, ZoneOffset.UTC);
  }

  /** Encodes {@code value} as type {@code t} in {@code format}; text timestamptz in {@code zone}. */
  static byte[] encode(Object value, DataType t, int format, ZoneId zone) {
    return encode(value, t, format, zone, PgStyle.DEFAULT);
  }

  /** As above, text dates and intervals in the session's DateStyle/IntervalStyle. */
  static byte[] encode(Object value, DataType t, int format, ZoneId zone, PgStyle style) {
    if (value == null) {
      return t == DataType.VOID ? new byte[0] : null;
    }
    if (t == DataType.VOID) {
      return new byte[0];
    }
    if (format == 1 && BinaryCodec.supports(t)) {
      return BinaryCodec.encode(asType(value, t, zone), t);
    }
    return text(value, t, zone, style).getBytes(StandardCharsets.UTF_8);
  }

  static String text(Object v, DataType t) {
    return text(v, t, ZoneOffset.UTC);
  }

  /** PostgreSQL's text output; a value whose class is not {@code t}'s prints as its own type. */
  static String text(Object v, DataType t, ZoneId zone) {
    return text(v, t, zone, PgStyle.DEFAULT);
  }

  /** As above in {@code style}. */
  static String text(Object v, DataType t, ZoneId zone, PgStyle style) {
    if (v instanceof String s) {
      return s;
    }
    if (t == DataType.VOID) {
      return "";
    }
    return PgValues.toText(v, PgValues.fits(t, v) ? t : PgValues.typeOf(v), zone, style);
  }

  private static Object asType(Object v, DataType t, ZoneId zone) {
    if (PgValues.fits(t, v)) {
      return v;
    }
    if (v instanceof String s) {
      return PgValues.fromText(s, t, -1, zone);
    }
    return PgValues.cast(v, PgValues.typeOf(v), t, -1, zone);
  }

  /**
   * Decodes a Bind parameter. Text values stay strings (the session converts them to the
   * parameter's type); binary values become the Java values of the parameter's type.
   */
  static Object decodeParam(byte[] value, int typeOid, int format, int index) {
    if (value == null) {
      return null;
    }
    if (format == 0) {
      return new String(value, StandardCharsets.UTF_8);
    }
    DataType t = DataType.ofOid(typeOid);
    if (t == null || t == DataType.VOID) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "pgwire.binary_param_unsupported", index, typeOid);
    }
    if (t == DataType.UNKNOWN) {
      return new String(value, StandardCharsets.UTF_8);
    }
    int fixed = typeLength(t);
    if (fixed > 0 && t != DataType.NAME && value.length != fixed) {
      throw badBinary(index);
    }
    try {
      return BinaryCodec.decode(value, t);
    } catch (BufferUnderflowException | IllegalArgumentException
        | java.time.DateTimeException | ArithmeticException e) {
      throw badBinary(index);
    }
  }

  private static SnapsyncException badBinary(int index) {
    return SnapsyncException.error(SqlState.INVALID_BINARY_REPRESENTATION,
        "pgwire.bad_binary_param", index);
  }
}
