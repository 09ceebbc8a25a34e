package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.time.ZoneId;

/**
 * PostgreSQL 15's semantics for values of every {@link DataType}: text input and output,
 * casts, ordering, equality and hashing. Values are the Java classes {@link DataType} lists.
 * Static and thread-safe; every error is a {@link io.snapsync.core.error.SnapsyncException}
 * with PostgreSQL's SQLSTATE and text.
 */
public final class PgValues {

  private PgValues() {
  }

  /**
   * Parses PostgreSQL text input for {@code type} ({@code typmod} applies lengths and scales,
   * with input/assignment semantics: a too-long varchar is 22001); 22P02
   * {@code invalid input syntax for type integer: "x"} and PostgreSQL's other input errors.
   * {@code tz} resolves timestamptz input without an offset.
   */
  public static Object fromText(String text, DataType type, int typmod, ZoneId tz) {
    if (text == null) {
      return null;
    }
    if (type.isArray()) {
      throw TypeErrors.cannotCast(DataType.TEXT, type);
    }
    switch (type) {
      case INT2:
      case INT4:
      case INT8:
      case OID:
        return Integers.parse(text, type);
      case NUMERIC:
        return Numerics.parse(text, typmod);
      case FLOAT4:
      case FLOAT8:
        return Floats.parse(text, type);
      case BOOL:
        return Bools.parse(text);
      case TEXT:
      case VARCHAR:
      case BPCHAR:
      case NAME:
      case UNKNOWN:
        return CharTypes.coerce(text, type, typmod, false);
      case VOID:
        return null;
      default:
        throw TypeErrors.cannotCast(DataType.TEXT, type);
    }
  }

  /** PostgreSQL's text output of {@code value} (DateStyle ISO, MDY; timestamptz in {@code tz}). */
  public static String toText(Object value, DataType type, ZoneId tz) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case BOOL:
        return Bools.toText((Boolean) value);
      case INT2:
      case INT4:
      case INT8:
      case OID:
        return value.toString();
      case NUMERIC:
        return Numerics.toText(value);
      case FLOAT4:
        return Floats.toText(((Number) value).floatValue());
      case FLOAT8:
        return Floats.toText(((Number) value).doubleValue());
      case TEXT:
      case VARCHAR:
      case BPCHAR:
      case NAME:
      case UNKNOWN:
        return (String) value;
      default:
        return value.toString();
    }
  }

  /**
   * Casts {@code value} of type {@code from} to {@code to} with PostgreSQL's explicit-cast
   * rules ({@code CAST} and {@code ::}): numeric to integer rounds half away from zero, float
   * to integer rounds half to even, varchar(n)/char(n) cut to length, numeric(p,s) rounds,
   * 22003 on overflow, text to anything through {@link #fromText}, anything to text through
   * {@link #toText}; 42846 {@code cannot cast type x to y} where PostgreSQL has no cast.
   */
  public static Object cast(Object value, DataType from, DataType to, int typmod, ZoneId tz) {
    return Casts.cast(value, from, to, typmod, tz, true);
  }

  /**
   * Assignment semantics (INSERT/UPDATE into a column of {@code to}, {@code typmod}): as
   * {@link #cast} but a varchar(n)/char(n) value too long is 22001 {@code value too long for
   * type character varying(n)} unless the excess is blanks.
   */
  public static Object assign(Object value, DataType from, DataType to, int typmod,
      ZoneId tz) {
    return Casts.cast(value, from, to, typmod, tz, false);
  }

  /** Total order of two non-null values of the same type, as PostgreSQL's btree orders them. */
  public static int compare(Object a, Object b, DataType type) {
    return Ordering.compare(a, b, type);
  }

  /** SQL equality consistent with {@link #compare} (null only equals null here). */
  public static boolean equals(Object a, Object b, DataType type) {
    return Ordering.equal(a, b, type);
  }

  /** A hash consistent with {@link #equals}, for hash joins, GROUP BY and DISTINCT. */
  public static int hash(Object value, DataType type) {
    return Ordering.hash(value, type);
  }
}
