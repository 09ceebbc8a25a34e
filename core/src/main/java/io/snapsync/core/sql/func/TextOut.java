package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;

/**
 * A value's PostgreSQL text output, for concat, format, ||, array_to_string and to_jsonb:
 * {@link PgValues#toText}, with a small fallback while that is not available.
 */
final class TextOut {

  private TextOut() {
  }

  static String of(Object value, DataType type, EvalContext ctx) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    try {
      return PgValues.toText(value, type, ctx.timeZone());
    } catch (UnsupportedOperationException pending) {
      return fallback(value);
    }
  }

  private static String fallback(Object v) {
    if (v instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (v instanceof java.time.LocalDateTime t) {
      return t.toString().replace('T', ' ');
    }
    if (v instanceof java.util.List<?> l) {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < l.size(); i++) {
        b.append(i == 0 ? "" : ",").append(l.get(i) == null ? "NULL" : fallback(l.get(i)));
      }
      return b.append('}').toString();
    }
    if (v instanceof io.snapsync.core.sql.types.Json j) {
      return j.text();
    }
    return String.valueOf(v);
  }
}
