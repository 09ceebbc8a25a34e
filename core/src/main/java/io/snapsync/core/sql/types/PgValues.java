package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * PostgreSQL 15's semantics for values of every {@link DataType}: text input and output,
 * casts, ordering, equality and hashing. Values are the Java classes {@link DataType} lists.
 * Static and thread-safe; every error is a {@link io.snapsync.core.error.SnapsyncException}
 * with PostgreSQL's SQLSTATE and text.
 *
 * <p>Special values: numeric {@code NaN}/{@code Infinity}/{@code -Infinity} are the
 * {@code Double}s of the same name; date, timestamp and timestamptz {@code infinity} and
 * {@code -infinity} are {@code MAX}/{@code MIN} of {@link LocalDate}, {@link LocalDateTime}
 * and {@link OffsetDateTime}; time {@code 24:00:00} is {@link LocalTime#MAX}; timestamptz
 * values are kept at offset UTC; char(n) values are kept blank-padded.
 */
public final class PgValues {

  private PgValues() {
  }

  /**
   * Parses PostgreSQL text input for {@code type} ({@code typmod} applies lengths, scales and
   * precisions, with input/assignment semantics: a too-long varchar is 22001); 22P02
   * {@code invalid input syntax for type integer: "x"} and PostgreSQL's other input errors.
   * {@code tz} resolves timestamptz input without an offset. The words {@code now},
   * {@code today}, {@code tomorrow} and {@code yesterday} read the system clock here; the
   * engine passes the transaction's start through the overload that takes {@code now}.
   */
  public static Object fromText(String text, DataType type, int typmod, ZoneId tz) {
    return fromText(text, type, typmod, tz, Instant.now());
  }

  /** As {@link #fromText(String, DataType, int, ZoneId)}, {@code now} the transaction start. */
  public static Object fromText(String text, DataType type, int typmod, ZoneId tz,
      Instant now) {
    return fromText(text, type, typmod, tz, now, PgStyle.DEFAULT);
  }

  /** As {@link #fromText(String, DataType, int, ZoneId, Instant)} in DateStyle {@code style}. */
  public static Object fromText(String text, DataType type, int typmod, ZoneId tz,
      Instant now, PgStyle style) {
    if (text == null) {
      return null;
    }
    if (type.isArray()) {
      return ArrayText.parse(text, type, typmod, tz, now, style);
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
      case BYTEA:
        return Byteas.parse(text);
      case DATE:
        return DateTimes.parseDate(text, now, tz, style.order());
      case TIME:
        return DateTimes.parseTime(text, typmod, now, tz);
      case TIMESTAMP:
        return DateTimes.parseTimestamp(text, typmod, now, tz, style.order());
      case TIMESTAMPTZ:
        return DateTimes.parseTimestamptz(text, typmod, now, tz, style.order());
      case INTERVAL:
        return Intervals.parse(text, typmod);
      case UUID:
        return Uuids.parse(text);
      case JSON:
        return JsonValues.parse(text, false);
      case JSONB:
        return JsonValues.parse(text, true);
      default:
        return null;
    }
  }

  /**
   * PostgreSQL's text output of {@code value} (DateStyle ISO, MDY; IntervalStyle postgres;
   * timestamptz in {@code tz}; floats as with {@code extra_float_digits = 1}).
   */
  public static String toText(Object value, DataType type, ZoneId tz) {
    return toText(value, type, tz, PgStyle.DEFAULT);
  }

  /** As {@link #toText(Object, DataType, ZoneId)} in the session's DateStyle/IntervalStyle. */
  public static String toText(Object value, DataType type, ZoneId tz, PgStyle style) {
    if (value == null) {
      return null;
    }
    if (Vectors.isVector(value)) {
      return Vectors.text((List<?>) value);
    }
    if (type.isArray()) {
      return ArrayText.format((List<?>) value, type.element(), tz, style);
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
      case BYTEA:
        return Byteas.toText((byte[]) value);
      case DATE:
        return DateTimeOutput.date((LocalDate) value, style);
      case TIME:
        return DateTimes.formatTime((LocalTime) value);
      case TIMESTAMP:
        return DateTimeOutput.timestamp((LocalDateTime) value, style);
      case TIMESTAMPTZ:
        return DateTimeOutput.timestamptz((OffsetDateTime) value, tz, style);
      case INTERVAL:
        return IntervalText.format((Interval) value, style.intervals());
      case JSON:
      case JSONB:
        return ((Json) value).text();
      case VOID:
        return "";
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
    return Casts.cast(value, from, to, typmod, tz, Instant.now(), true);
  }

  /** As {@link #cast(Object, DataType, DataType, int, ZoneId)}; {@code now} for 'now'. */
  public static Object cast(Object value, DataType from, DataType to, int typmod, ZoneId tz,
      Instant now) {
    return Casts.cast(value, from, to, typmod, tz, now, true);
  }

  /** As above, text on either side in the session's DateStyle/IntervalStyle {@code style}. */
  public static Object cast(Object value, DataType from, DataType to, int typmod, ZoneId tz,
      Instant now, PgStyle style) {
    return Casts.cast(value, from, to, typmod, tz, now, true, style);
  }

  /**
   * Assignment semantics (INSERT/UPDATE into a column of {@code to}, {@code typmod}): as
   * {@link #cast} but a varchar(n)/char(n) value too long is 22001 {@code value too long for
   * type character varying(n)} unless the excess is blanks.
   */
  public static Object assign(Object value, DataType from, DataType to, int typmod,
      ZoneId tz) {
    return Casts.cast(value, from, to, typmod, tz, Instant.now(), false);
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

  /** True when PostgreSQL applies a cast from {@code from} to {@code to} implicitly. */
  public static boolean implicitCastAllowed(DataType from, DataType to) {
    return TypeCoercion.implicitAllowed(from, to);
  }

  /** True when PostgreSQL casts {@code from} to {@code to} in assignment (INSERT/UPDATE). */
  public static boolean assignmentCastAllowed(DataType from, DataType to) {
    return TypeCoercion.assignmentAllowed(from, to);
  }

  /**
   * The type that UNION, CASE, COALESCE, VALUES, GREATEST/LEAST and ARRAY[] resolve a set of
   * input types to (PostgreSQL's {@code select_common_type}: categories and preferred types;
   * all unknown is text); 42804 {@code UNION types integer and text cannot be matched} with
   * {@code context} naming the construct.
   */
  public static DataType commonType(List<DataType> types, String context) {
    return TypeCoercion.commonType(types, context);
  }

  /** PostgreSQL's type category letter (pg_type.typcategory: N, S, D, T, B, U, A, X). */
  public static char category(DataType type) {
    return TypeCoercion.category(type);
  }

  /** True for the preferred type of its category (float8, text, timestamptz, ...). */
  public static boolean preferred(DataType type) {
    return TypeCoercion.preferred(type);
  }

  /**
   * The type a Java value's class stands for when no column type is known (Integer: integer,
   * String: text, Double: double precision, List: the array of its first element's type, ...).
   */
  public static DataType typeOf(Object value) {
    if (value instanceof List<?> l) {
      for (Object x : l) {
        if (x != null) {
          DataType t = typeOf(x);
          return t.isArray() ? t : t.arrayType() == null ? DataType.TEXT_ARRAY : t.arrayType();
        }
      }
      return DataType.TEXT_ARRAY;
    }
    if (value instanceof Integer) {
      return DataType.INT4;
    } else if (value instanceof Long) {
      return DataType.INT8;
    } else if (value instanceof Short) {
      return DataType.INT2;
    } else if (value instanceof Boolean) {
      return DataType.BOOL;
    } else if (value instanceof Float) {
      return DataType.FLOAT4;
    } else if (value instanceof Double) {
      return DataType.FLOAT8;
    } else if (value instanceof java.math.BigDecimal) {
      return DataType.NUMERIC;
    } else if (value instanceof byte[]) {
      return DataType.BYTEA;
    } else if (value instanceof LocalDate) {
      return DataType.DATE;
    } else if (value instanceof LocalTime) {
      return DataType.TIME;
    } else if (value instanceof LocalDateTime) {
      return DataType.TIMESTAMP;
    } else if (value instanceof OffsetDateTime) {
      return DataType.TIMESTAMPTZ;
    } else if (value instanceof Interval) {
      return DataType.INTERVAL;
    } else if (value instanceof java.util.UUID) {
      return DataType.UUID;
    } else if (value instanceof Json j) {
      return j.binary() ? DataType.JSONB : DataType.JSON;
    }
    return DataType.TEXT;
  }

  /** True when {@code value} is null or of the Java class {@link DataType} lists for {@code type}. */
  public static boolean fits(DataType type, Object value) {
    if (value == null) {
      return true;
    }
    if (type.isArray()) {
      return value instanceof List;
    }
    return switch (type) {
      case INT2 -> value instanceof Short;
      case INT4 -> value instanceof Integer;
      case INT8, OID -> value instanceof Long;
      case BOOL -> value instanceof Boolean;
      case FLOAT4 -> value instanceof Float;
      case FLOAT8 -> value instanceof Double;
      case NUMERIC -> value instanceof java.math.BigDecimal || value instanceof Double;
      case BYTEA -> value instanceof byte[];
      case DATE -> value instanceof LocalDate;
      case TIME -> value instanceof LocalTime;
      case TIMESTAMP -> value instanceof LocalDateTime;
      case TIMESTAMPTZ -> value instanceof OffsetDateTime;
      case INTERVAL -> value instanceof Interval;
      case UUID -> value instanceof java.util.UUID;
      case JSON, JSONB -> value instanceof Json;
      case VOID -> false;
      default -> value instanceof String;
    };
  }

  /**
   * The tree of a json/jsonb value for operators and functions ({@code ->}, {@code ->>},
   * {@code @>}): {@code Map} (jsonb key order), {@code List}, {@code String},
   * {@code BigDecimal}, {@code Boolean}, and {@link #JSON_NULL} for JSON null.
   */
  public static Object jsonTree(Json value) {
    return JsonValues.tree(value.text(), "json");
  }

  /** A jsonb value of a tree as {@link #jsonTree} returns them (normalized output text). */
  public static Json jsonb(Object tree) {
    return new Json(JsonValues.write(tree), true);
  }

  /** JSON {@code null} inside a {@link #jsonTree} tree. */
  public static final Object JSON_NULL = JsonValues.NULL;
}
