package io.snapsync.core.sql.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/** Helpers over array values: {@code List}s of element values, nested for more dimensions. */
final class ArrayValues {

  private ArrayValues() {
  }

  /** Applies {@code f} to every non-null leaf element, keeping the shape. */
  static List<Object> map(Object array, UnaryOperator<Object> f) {
    List<?> in = (List<?>) array;
    List<Object> out = new ArrayList<>(in.size());
    for (Object x : in) {
      if (x == null) {
        out.add(null);
      } else if (x instanceof List<?> l) {
        out.add(map(l, f));
      } else {
        out.add(f.apply(x));
      }
    }
    return Collections.unmodifiableList(out);
  }
}
