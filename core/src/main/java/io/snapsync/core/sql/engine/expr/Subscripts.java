package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.sql.parser.ast.PgSubscript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Evaluates {@link PgSubscript} chains over array values (nested lists, lower bound 1) as
 * PostgreSQL does: an index out of range, a NULL subscript, or fewer or more indexes than the
 * array has dimensions give NULL; a slice clamps its bounds to the array's and is empty when
 * nothing is left. A string subscripted once is PostgreSQL's {@code name} read as characters
 * from 0 ({@code typname[0] = '_'}).
 */
final class Subscripts {

  private Subscripts() {
  }

  static Evaluator compile(PgSubscript op, List<Evaluator> args) {
    String shape = op.shape();
    boolean element = op.isElement();
    return (r, c) -> {
      Object array = args.get(0).eval(r, c);
      if (array == null) {
        return null;
      }
      if (array instanceof String name) {
        return character(name, args.get(1).eval(r, c));
      }
      int n = shape.length();
      Integer[] lo = new Integer[n];
      Integer[] hi = new Integer[n];
      int k = 1;
      for (int d = 0; d < n; d++) {
        char s = shape.charAt(d);
        if (s == 'i' || s == 's' || s == 'l') {
          Object v = args.get(k++).eval(r, c);
          if (v == null) {
            return null;
          }
          lo[d] = toInt(v);
        }
        if (s == 's' || s == 'u') {
          Object v = args.get(k++).eval(r, c);
          if (v == null) {
            return null;
          }
          hi[d] = toInt(v);
        }
        if (s == 'i' && !element) {
          hi[d] = lo[d];
          lo[d] = io.snapsync.core.sql.types.Vectors.isVector(array) ? 0 : 1;
        }
      }
      if (io.snapsync.core.sql.types.Vectors.isVector(array)) {
        shift(lo);  // int2vector / oidvector subscripts start at 0
        shift(hi);
      }
      return element ? element((List<?>) array, lo) : slice((List<?>) array, lo, hi);
    };
  }

  /** {@code name[i]}: its character at 0-based {@code i}, NULL out of range (as PostgreSQL). */
  private static Object character(String name, Object index) {
    if (index == null) {
      return null;
    }
    int i = toInt(index);
    return i < 0 || i >= name.length() ? null : name.substring(i, i + 1);
  }

  private static void shift(Integer[] bounds) {
    for (int d = 0; d < bounds.length; d++) {
      if (bounds[d] != null) {
        bounds[d]++;
      }
    }
  }

  private static int toInt(Object v) {
    if (v instanceof Number num) {
      return num instanceof java.math.BigDecimal b
          ? b.setScale(0, java.math.RoundingMode.HALF_UP).intValue() : num.intValue();
    }
    return Integer.parseInt(v.toString().trim());
  }

  private static Object element(List<?> array, Integer[] idx) {
    Object v = array;
    for (Integer i : idx) {
      if (!(v instanceof List<?> l) || i < 1 || i > l.size()) {
        return null;
      }
      v = l.get(i - 1);
    }
    return v instanceof List<?> ? null : v;
  }

  private static List<Object> slice(List<?> array, Integer[] lo, Integer[] hi) {
    if (array.isEmpty() || depth(array) < lo.length) {
      return List.of();
    }
    List<Object> out = slice(array, lo, hi, 0);
    return out == null ? List.of() : out;
  }

  /** The slice of one level, or null when it is empty (an empty slice empties the whole). */
  private static List<Object> slice(List<?> level, Integer[] lo, Integer[] hi, int d) {
    if (d == lo.length) {
      return Collections.unmodifiableList(new ArrayList<>(level));
    }
    int from = Math.max(1, lo[d] == null ? 1 : lo[d]);
    int to = Math.min(level.size(), hi[d] == null ? level.size() : hi[d]);
    if (from > to) {
      return null;
    }
    List<Object> out = new ArrayList<>(to - from + 1);
    for (int i = from; i <= to; i++) {
      Object x = level.get(i - 1);
      if (d + 1 < lo.length) {
        List<Object> sub = slice((List<?>) x, lo, hi, d + 1);
        if (sub == null) {
          return null;
        }
        out.add(sub);
      } else {
        out.add(x);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static int depth(List<?> array) {
    int d = 0;
    Object v = array;
    while (v instanceof List<?> l && !l.isEmpty()) {
      d++;
      v = l.get(0);
    }
    return d;
  }
}
