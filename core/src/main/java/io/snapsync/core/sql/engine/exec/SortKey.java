package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.expr.ValueOps;
import java.util.Comparator;
import java.util.List;

/**
 * One ORDER BY key: a field, its direction and where NULLs go (PostgreSQL: last ascending,
 * first descending, unless NULLS FIRST/LAST says otherwise).
 */
public record SortKey(int field, boolean descending, boolean nullsFirst, DataType type) {

  /** The row order of {@code keys}. */
  public static Comparator<Object[]> comparator(List<SortKey> keys) {
    return (a, b) -> {
      for (SortKey k : keys) {
        Object x = a[k.field];
        Object y = b[k.field];
        int c;
        if (x == null || y == null) {
          if (x == y) {
            continue;
          }
          c = (x == null) == k.nullsFirst ? -1 : 1;
        } else {
          c = ValueOps.compare(x, y, k.type);
          if (k.descending) {
            c = -c;
          }
        }
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }
}
