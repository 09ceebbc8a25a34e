package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.core.sql.types.Json;
import io.snapsync.core.sql.types.PgValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A safety net for callers that pass arguments uncast: a value whose Java class is not the one
 * its declared type carries is cast there with {@link PgValues#cast} (a String as the type's
 * text input, an int as int8 or numeric, a date as timestamp, ...). Values already of the right
 * class pass untouched, so a caller that casts pays one class check per argument.
 */
final class ArgCoercion {

  private ArgCoercion() {
  }

  static Object[] coerce(Object[] args, List<DataType> types, EvalContext ctx) {
    Object[] out = args;
    for (int i = 0; i < args.length && i < types.size(); i++) {
      Object v = args[i];
      DataType to = types.get(i);
      if (v == null || fits(v, to)) {
        continue;
      }
      DataType from = typeOf(v);
      if (from == null) {
        continue;
      }
      if (out == args) {
        out = args.clone();
      }
      out[i] = PgValues.cast(v, from, to, -1, ctx == null ? ZoneOffset.UTC : ctx.timeZone());
    }
    return out;
  }

  private static boolean fits(Object v, DataType t) {
    if (t.isArray()) {
      return v instanceof List;
    }
    return switch (t) {
      case BOOL -> v instanceof Boolean;
      case INT2 -> v instanceof Short;
      case INT4 -> v instanceof Integer;
      case INT8, OID -> v instanceof Long;
      case NUMERIC -> v instanceof BigDecimal || Numbers.isNaN(v);
      case FLOAT4 -> v instanceof Float;
      case FLOAT8 -> v instanceof Double;
      case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN -> v instanceof String;
      case BYTEA -> v instanceof byte[];
      case DATE -> v instanceof LocalDate;
      case TIME -> v instanceof LocalTime;
      case TIMESTAMP -> v instanceof LocalDateTime;
      case TIMESTAMPTZ -> v instanceof OffsetDateTime;
      case INTERVAL -> v instanceof Interval;
      case UUID -> v instanceof UUID;
      case JSON, JSONB -> v instanceof Json;
      default -> true;
    };
  }

  private static DataType typeOf(Object v) {
    if (v instanceof String) {
      return DataType.TEXT;
    }
    if (v instanceof Integer) {
      return DataType.INT4;
    }
    if (v instanceof Long) {
      return DataType.INT8;
    }
    if (v instanceof Short) {
      return DataType.INT2;
    }
    if (v instanceof BigDecimal) {
      return DataType.NUMERIC;
    }
    if (v instanceof Double) {
      return DataType.FLOAT8;
    }
    if (v instanceof Float) {
      return DataType.FLOAT4;
    }
    if (v instanceof LocalDate) {
      return DataType.DATE;
    }
    if (v instanceof LocalDateTime) {
      return DataType.TIMESTAMP;
    }
    if (v instanceof OffsetDateTime) {
      return DataType.TIMESTAMPTZ;
    }
    if (v instanceof LocalTime) {
      return DataType.TIME;
    }
    if (v instanceof Json j) {
      return j.binary() ? DataType.JSONB : DataType.JSON;
    }
    return null;
  }
}
