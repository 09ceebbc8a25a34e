package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.sql.parser.ast.PgSubscriptAssign;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code SET a[i] = v} and {@code SET a[lo:hi] = v} over array values (nested lists, lower
 * bound 1): a one-dimensional array grows with NULLs to reach the subscript, a NULL array is
 * taken as empty; a slice takes its elements from the start of the source array (2202E when
 * it is too small). Subscripts below 1 would need other lower bounds, which array values do
 * not keep (0A000).
 */
final class SubscriptAssignment {

  private SubscriptAssignment() {
  }

  static Evaluator compile(PgSubscriptAssign op, List<Evaluator> args, DataType arrayType,
      DataType valueType) {
    String shape = op.shape();
    boolean element = op.isElement();
    DataType target = element ? arrayType.element() : arrayType;
    int last = args.size() - 1;
    return (r, c) -> {
      Object base = args.get(0).eval(r, c);
      List<?> array = base == null ? List.of() : (List<?>) base;
      Object value = args.get(last).eval(r, c);
      if (value != null && valueType != target) {
        value = ValueOps.cast(value, valueType, target, -1, c.eval());
      }
      Integer[] lo = new Integer[shape.length()];
      Integer[] hi = new Integer[shape.length()];
      int k = 1;
      for (int d = 0; d < shape.length(); d++) {
        char s = shape.charAt(d);
        if (s == 'i' || s == 's' || s == 'l') {
          lo[d] = bound(args.get(k++).eval(r, c));
        }
        if (s == 's' || s == 'u') {
          hi[d] = bound(args.get(k++).eval(r, c));
        }
        if (s == 'i' && !element) {
          hi[d] = lo[d];
          lo[d] = 1;
        }
      }
      if (element) {
        return setElement(array, lo, value);
      }
      if (value == null) {
        return base; // PostgreSQL: assigning NULL to a slice leaves the array unchanged
      }
      return setSlice(array, lo, hi, (List<?>) value);
    };
  }

  private static int bound(Object v) {
    if (v == null) {
      throw SnapsyncException.error(SqlState.NULL_VALUE_NOT_ALLOWED,
          "engine.array_subscript_null");
    }
    int i = v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().trim());
    if (i < 1) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
          "array subscripts below 1");
    }
    return i;
  }

  private static List<Object> setElement(List<?> array, Integer[] idx, Object value) {
    if (idx.length == 1 && (array.isEmpty() || !(array.get(0) instanceof List))) {
      List<Object> out = new ArrayList<>(array);
      while (out.size() < idx[0]) {
        out.add(null);
      }
      out.set(idx[0] - 1, value);
      return Collections.unmodifiableList(out);
    }
    return setNested(array, idx, 0, value);
  }

  private static List<Object> setNested(List<?> level, Integer[] idx, int d, Object value) {
    if (idx[d] > level.size()) {
      throw outOfRange();
    }
    List<Object> out = new ArrayList<>(level);
    Object x = level.get(idx[d] - 1);
    if (d + 1 == idx.length) {
      if (x instanceof List) {
        throw outOfRange();
      }
      out.set(idx[d] - 1, value);
    } else {
      if (!(x instanceof List<?> sub)) {
        throw outOfRange();
      }
      out.set(idx[d] - 1, setNested(sub, idx, d + 1, value));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Object> setSlice(List<?> array, Integer[] lo, Integer[] hi,
      List<?> source) {
    if (lo.length != 1 || (!array.isEmpty() && array.get(0) instanceof List)) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
          "assigning to slices of multidimensional arrays");
    }
    int from = lo[0] == null ? 1 : lo[0];
    int to = hi[0] == null ? array.size() : hi[0];
    List<?> src = flatten(source);
    if (to < from) {
      return Collections.unmodifiableList(new ArrayList<>(array));
    }
    if (src.size() < to - from + 1) {
      throw SnapsyncException.error(SqlState.ARRAY_SUBSCRIPT_ERROR,
          "engine.array_source_too_small");
    }
    List<Object> out = new ArrayList<>(array);
    while (out.size() < to) {
      out.add(null);
    }
    for (int i = from; i <= to; i++) {
      out.set(i - 1, src.get(i - from));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<?> flatten(List<?> a) {
    List<Object> out = new ArrayList<>();
    for (Object x : a) {
      if (x instanceof List<?> l) {
        out.addAll(flatten(l));
      } else {
        out.add(x);
      }
    }
    return out;
  }

  private static SnapsyncException outOfRange() {
    return SnapsyncException.error(SqlState.ARRAY_SUBSCRIPT_ERROR,
        "engine.array_subscript_range");
  }
}
