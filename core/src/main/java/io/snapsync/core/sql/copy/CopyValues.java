package io.snapsync.core.sql.copy;

import io.snapsync.core.session.Column;
import io.snapsync.core.sql.exec.Values;
import io.snapsync.core.sql.types.PgValues;
import java.time.ZoneId;

/**
 * Text in and out of COPY through {@link PgValues} with the column's type and typmod, then the
 * row codec's storage classes (as INSERT assigns). Until the types work is merged PgValues is
 * a stub; the stub's UnsupportedOperationException falls back to the older {@link Values}
 * conversions (text, integer, bigint, boolean: the types tables have now).
 */
final class CopyValues {

  private CopyValues() {
  }

  static Object fromText(String text, Column col, ZoneId zone) {
    if (text == null) {
      return null;
    }
    Object v;
    try {
      v = PgValues.fromText(text, col.type(), col.typmod(), zone);
    } catch (UnsupportedOperationException pending) {
      v = text;
    }
    return switch (col.type()) {
      case INT4, INT8, BOOL, TEXT -> Values.convert(v, col.type(), col.name());
      default -> v;
    };
  }

  static String toText(Object v, Column col, ZoneId zone) {
    if (v == null) {
      return null;
    }
    try {
      return PgValues.toText(v, col.type(), zone);
    } catch (UnsupportedOperationException pending) {
      if (v instanceof Boolean b) {
        return b ? "t" : "f";
      }
      return String.valueOf(v);
    }
  }
}
