package io.snapsync.core.sql.copy;

import io.snapsync.core.session.Column;
import io.snapsync.core.sql.exec.Values;
import io.snapsync.core.sql.types.PgValues;
import java.time.ZoneId;

/**
 * Text in and out of COPY through {@link PgValues} with the column's type and typmod, then the
 * row codec's storage classes (as INSERT assigns). Until the types work is merged PgValues is
 * a stub (found out once, not per value: exceptions are costly); then the older {@link Values}
 * conversions serve (text, integer, bigint, boolean: the types tables have now).
 */
final class CopyValues {

  private static final boolean PG_VALUES = probe();

  private CopyValues() {
  }

  static Object fromText(String text, Column col, ZoneId zone) {
    if (text == null) {
      return null;
    }
    Object v = PG_VALUES ? PgValues.fromText(text, col.type(), col.typmod(), zone) : text;
    return switch (col.type()) {
      case INT4, INT8, BOOL, TEXT -> Values.convert(v, col.type(), col.name());
      default -> v;
    };
  }

  static String toText(Object v, Column col, ZoneId zone) {
    if (v == null) {
      return null;
    }
    if (PG_VALUES) {
      return PgValues.toText(v, col.type(), zone);
    }
    if (v instanceof Boolean b) {
      return b ? "t" : "f";
    }
    return String.valueOf(v);
  }

  private static boolean probe() {
    try {
      PgValues.toText(1, io.snapsync.core.session.DataType.INT4, java.time.ZoneOffset.UTC);
      return true;
    } catch (UnsupportedOperationException pending) {
      return false;
    }
  }
}
