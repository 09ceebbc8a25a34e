package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;

/** A value's PostgreSQL text output, for concat, format, ||, array_to_string and friends. */
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
    if (ctx == null) {
      return PgValues.toText(value, type, java.time.ZoneOffset.UTC);
    }
    return PgValues.toText(value, type, ctx.timeZone(), ctx.style());
  }
}
