package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;

/** The btree order of non-null values of one type, for min/max and the array functions. */
final class ValueOrder {

  private ValueOrder() {
  }

  static int compare(Object a, Object b, DataType type) {
    return PgValues.compare(a, b, type);
  }

  /** SQL equality where NULL equals only NULL (IS NOT DISTINCT FROM). */
  static boolean notDistinct(Object a, Object b, DataType type) {
    if (a == null || b == null) {
      return a == b;
    }
    return PgValues.equals(a, b, type);
  }
}
