package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.core.sql.types.PgValues;
import java.util.Arrays;
import java.util.List;

/**
 * The order of two non-null values of one type for min/max, greatest/least and array
 * functions: {@link PgValues#compare}, with a small fallback while that is not available.
 */
final class ValueOrder {

  private ValueOrder() {
  }

  static int compare(Object a, Object b, DataType type) {
    try {
      return PgValues.compare(a, b, type);
    } catch (UnsupportedOperationException pending) {
      return fallback(a, b);
    }
  }

  static boolean equal(Object a, Object b, DataType type) {
    if (a == null || b == null) {
      return a == b;
    }
    return compare(a, b, type) == 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int fallback(Object a, Object b) {
    if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
      return x.compareTo(y);
    }
    if (a instanceof Interval x && b instanceof Interval y) {
      return Intervals.span(x).compareTo(Intervals.span(y));
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        Object p = x.get(i);
        Object q = y.get(i);
        int c = p == null ? (q == null ? 0 : 1) : q == null ? -1 : fallback(p, q);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    if (a instanceof java.time.OffsetDateTime x && b instanceof java.time.OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    return ((Comparable) a).compareTo(b);
  }
}
