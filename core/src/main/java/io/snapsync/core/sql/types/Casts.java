package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/** Value conversions between types, explicit or assignment semantics, as PostgreSQL's pg_cast. */
final class Casts {

  private Casts() {
  }

  static Object cast(Object v, DataType from, DataType to, int typmod, ZoneId tz,
      Instant now, boolean explicit) {
    return cast(v, from, to, typmod, tz, now, explicit, PgStyle.DEFAULT);
  }

  /** As above; {@code style} is the session's DateStyle/IntervalStyle for text on either side. */
  static Object cast(Object v, DataType from, DataType to, int typmod, ZoneId tz,
      Instant now, boolean explicit, PgStyle style) {
    if (v == null || to == DataType.VOID) {
      return null;
    }
    if (CharTypes.isCharType(to)) {
      String s = CharTypes.isCharType(from) ? textOf(v, from)
          : from == DataType.BOOL ? ((Boolean) v ? "true" : "false")
          : PgValues.toText(v, from, tz, style);
      return CharTypes.coerce(s, to, typmod, explicit);
    }
    if (CharTypes.isCharType(from)) {
      if (to.isArray() && typmod >= 0) {
        // array_in without the typmod, then the length coercion of each element
        Object parsed = PgValues.fromText(textOf(v, from), to, -1, tz, now, style);
        return ArrayValues.map(parsed,
            x -> cast(x, to.element(), to.element(), typmod, tz, now, explicit, style));
      }
      return PgValues.fromText(textOf(v, from), to, typmod, tz, now, style);
    }
    if (from == DataType.JSONB && (to == DataType.BOOL || to == DataType.NUMERIC
        || to == DataType.FLOAT4 || to == DataType.FLOAT8 || Integers.isInteger(to))) {
      return jsonbScalar((Json) v, to, typmod, tz, now);
    }
    if (to.isArray()) {
      if (!from.isArray()) {
        throw TypeErrors.cannotCast(from, to);
      }
      return ArrayValues.map(v, x -> cast(x, from.element(), to.element(), typmod, tz, now,
          explicit, style));
    }
    if (Integers.isInteger(to)) {
      return toInteger(v, from, to);
    }
    switch (to) {
      case NUMERIC:
        return Numerics.applyTypmod(toNumeric(v, from, to), typmod);
      case FLOAT4:
      case FLOAT8:
        return toFloat(v, from, to);
      case BOOL:
        if (from == DataType.BOOL) {
          return v;
        }
        if (from == DataType.INT4) {
          return ((Integer) v) != 0;
        }
        throw TypeErrors.cannotCast(from, to);
      default:
        return Conversions.other(v, from, to, typmod, tz);
    }
  }

  /** {@code jsonb::numeric} and friends: only a jsonb number (boolean for bool) casts. */
  private static Object jsonbScalar(Json v, DataType to, int typmod, ZoneId tz, Instant now) {
    Object tree = JsonValues.tree(v.text(), "json");
    if (to == DataType.BOOL && tree instanceof Boolean) {
      return tree;
    }
    if (to != DataType.BOOL && tree instanceof BigDecimal d) {
      return cast(d, DataType.NUMERIC, to, typmod, tz, now, true);
    }
    String kind = tree instanceof java.util.Map ? "object" : tree instanceof java.util.List
        ? "array" : tree instanceof String ? "string" : tree instanceof Boolean ? "boolean"
        : tree instanceof BigDecimal ? "numeric" : "null";
    throw io.snapsync.core.error.SnapsyncException.error(TypeErrors.INVALID_PARAMETER_VALUE,
        "types.cannot_cast_jsonb", kind, to.sqlName());
  }

  /** The string of a character-type value; char(n) loses its trailing blanks. */
  private static String textOf(Object v, DataType from) {
    String s = (String) v;
    return from == DataType.BPCHAR ? CharTypes.stripBlanks(s) : s;
  }

  private static Object toInteger(Object v, DataType from, DataType to) {
    if (Integers.isInteger(from)) {
      return from == to ? v : Integers.narrow(((Number) v).longValue(), to);
    }
    switch (from) {
      case NUMERIC:
        return Numerics.toInteger(v, to);
      case FLOAT4:
      case FLOAT8:
        return Floats.toInteger(((Number) v).doubleValue(), to);
      case BOOL:
        if (to == DataType.INT4) {
          return ((Boolean) v) ? 1 : 0;
        }
        throw TypeErrors.cannotCast(from, to);
      default:
        throw TypeErrors.cannotCast(from, to);
    }
  }

  private static Object toNumeric(Object v, DataType from, DataType to) {
    if (Integers.isInteger(from)) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    switch (from) {
      case NUMERIC:
        return v;
      case FLOAT4:
        return Numerics.fromFloat((Float) v, from);
      case FLOAT8:
        return Numerics.fromFloat((Double) v, from);
      default:
        throw TypeErrors.cannotCast(from, to);
    }
  }

  private static Object toFloat(Object v, DataType from, DataType to) {
    boolean single = to == DataType.FLOAT4;
    if (Integers.isInteger(from)) {
      long l = ((Number) v).longValue();
      return single ? (Object) (float) l : (double) l;
    }
    switch (from) {
      case NUMERIC:
        return Numerics.toFloat(v, to);
      case FLOAT4:
        return single ? v : (double) (Float) v;
      case FLOAT8:
        return single ? (Object) Floats.narrow((Double) v) : v;
      default:
        throw TypeErrors.cannotCast(from, to);
    }
  }
}
