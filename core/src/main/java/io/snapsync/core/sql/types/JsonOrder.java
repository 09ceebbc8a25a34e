package io.snapsync.core.sql.types;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The order and hash of jsonb trees ({@link JsonValues}), roughly PostgreSQL's jsonb order. */
final class JsonOrder {

  private JsonOrder() {
  }

  /** jsonb order: null &lt; string &lt; number &lt; boolean &lt; array &lt; object (roughly PostgreSQL's). */
  @SuppressWarnings("unchecked")
  static int compare(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 1:
        return CharTypes.compare((String) a, (String) b);
      case 2:
        return ((BigDecimal) a).compareTo((BigDecimal) b);
      case 3:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case 4: {
        List<Object> x = (List<Object>) a;
        List<Object> y = (List<Object>) b;
        if (x.size() != y.size()) {
          return Integer.compare(x.size(), y.size());
        }
        for (int i = 0; i < x.size(); i++) {
          int c = compare(x.get(i), y.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      }
      case 5: {
        Map<String, Object> x = (Map<String, Object>) a;
        Map<String, Object> y = (Map<String, Object>) b;
        if (x.size() != y.size()) {
          return Integer.compare(x.size(), y.size());
        }
        var ix = x.entrySet().iterator();
        var iy = y.entrySet().iterator();
        while (ix.hasNext()) {
          var ex = ix.next();
          var ey = iy.next();
          int c = JsonValues.KEY_ORDER.compare(ex.getKey(), ey.getKey());
          if (c == 0) {
            c = compare(ex.getValue(), ey.getValue());
          }
          if (c != 0) {
            return c;
          }
        }
        return 0;
      }
      default:
        return 0;
    }
  }

  private static int rank(Object v) {
    if (v instanceof String) {
      return 1;
    }
    if (v instanceof BigDecimal) {
      return 2;
    }
    if (v instanceof Boolean) {
      return 3;
    }
    if (v instanceof List) {
      return 4;
    }
    if (v instanceof Map) {
      return 5;
    }
    return 0;
  }

  /** A hash consistent with {@link #compare} (numbers without trailing zeros). */
  @SuppressWarnings("unchecked")
  static int hash(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
    }
    if (v instanceof List<?> l) {
      int h = 1;
      for (Object x : l) {
        h = 31 * h + hash(x);
      }
      return h;
    }
    if (v instanceof Map<?, ?> m) {
      int h = 7;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        h = 31 * h + e.getKey().hashCode() * 17 + hash(e.getValue());
      }
      return h;
    }
    return v == JsonValues.NULL ? 3 : v.hashCode();
  }
}
