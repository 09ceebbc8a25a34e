package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.util.List;

/**
 * btree order, equality and hashing of values, consistent with each other: numeric
 * {@code 1.0 = 1.00}, float {@code -0 = 0}, NaN equal to itself and greater than everything,
 * char(n) ignoring trailing blanks, text by code point, arrays element by element.
 */
final class Ordering {

  private Ordering() {
  }

  static int compare(Object a, Object b, DataType type) {
    if (type.isArray()) {
      return compareArrays((List<?>) a, (List<?>) b, type.element());
    }
    switch (type) {
      case INT2:
      case INT4:
      case INT8:
      case OID:
        return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
      case FLOAT4:
      case FLOAT8:
        return compareFloat(((Number) a).doubleValue(), ((Number) b).doubleValue());
      case NUMERIC:
        return compareNumeric(a, b);
      case BOOL:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case BPCHAR:
        return CharTypes.compare(CharTypes.stripBlanks((String) a),
            CharTypes.stripBlanks((String) b));
      case TEXT:
      case VARCHAR:
      case NAME:
      case UNKNOWN:
        return CharTypes.compare((String) a, (String) b);
      default:
        return OtherOrdering.compare(a, b, type);
    }
  }

  static int compareFloat(double x, double y) {
    if (Double.isNaN(x)) {
      return Double.isNaN(y) ? 0 : 1;
    }
    if (Double.isNaN(y)) {
      return -1;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /** -Infinity &lt; numbers &lt; Infinity &lt; NaN. */
  static int compareNumeric(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != 0 || rb != 0) {
      return Integer.compare(ra, rb);
    }
    return ((BigDecimal) a).compareTo((BigDecimal) b);
  }

  /** -1 for -Infinity, 0 for a number, 1 for Infinity, 2 for NaN. */
  private static int rank(Object v) {
    if (v instanceof Double d) {
      return d.isNaN() ? 2 : d > 0 ? 1 : -1;
    }
    return 0;
  }

  private static int compareArrays(List<?> a, List<?> b, DataType element) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      int c;
      if (x == null || y == null) {
        c = x == null ? (y == null ? 0 : 1) : -1;
      } else if (x instanceof List<?> lx && y instanceof List<?> ly) {
        c = compareArrays(lx, ly, element);
      } else {
        c = compare(x, y, element);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  static boolean equal(Object a, Object b, DataType type) {
    if (a == null || b == null) {
      return a == b;
    }
    return compare(a, b, type) == 0;
  }

  /**
   * A hash consistent with {@link #equal}: the integer types and integral numerics hash alike
   * so that joins across them can hash.
   */
  static int hash(Object v, DataType type) {
    if (v == null) {
      return 0;
    }
    if (type.isArray()) {
      int h = 1;
      for (Object x : (List<?>) v) {
        h = 31 * h + (x instanceof List<?> ? hash(x, type) : hash(x, type.element()));
      }
      return h;
    }
    switch (type) {
      case INT2:
      case INT4:
      case INT8:
      case OID:
        return Long.hashCode(((Number) v).longValue());
      case FLOAT4:
      case FLOAT8: {
        double d = ((Number) v).doubleValue();
        return d == 0 ? 0 : Double.isNaN(d) ? 0x7ff80000 : Double.hashCode(d);
      }
      case NUMERIC: {
        if (v instanceof Double d) {
          return Double.hashCode(d);
        }
        BigDecimal b = ((BigDecimal) v).stripTrailingZeros();
        if (b.scale() <= 0 && b.precision() - b.scale() <= 18) {
          return Long.hashCode(b.longValueExact());
        }
        return b.hashCode();
      }
      case BPCHAR:
        return CharTypes.stripBlanks((String) v).hashCode();
      default:
        return OtherOrdering.hash(v, type);
    }
  }
}
