package io.snapsync.core.sql.copy;

import io.snapsync.core.session.Column;
import io.snapsync.core.sql.exec.Values;
import io.snapsync.core.sql.types.PgValues;
import java.time.ZoneId;

/**
 * Text in and out of COPY through {@link PgValues} with the column's type and typmod (22P02 and
 * PostgreSQL's other input errors), then the row codec's storage classes, as INSERT assigns.
 */
final class CopyValues {

  private CopyValues() {
  }

  static Object fromText(String text, Column col, ZoneId zone) {
    if (text == null) {
      return null;
    }
    Object v = PgValues.fromText(text, col.type(), col.typmod(), zone);
    return switch (col.type()) {
      case INT4, INT8, BOOL, TEXT -> Values.convert(v, col.type(), col.name());
      default -> v;
    };
  }

  static String toText(Object v, Column col, ZoneId zone) {
    return v == null ? null : PgValues.toText(v, col.type(), zone);
  }
}
