package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.engine.exec.ExecContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ARRAY[[1,2],[3,4]]} and {@code ARRAY[ARRAY[1,2], ARRAY[3,4]]}: sub-arrays become one
 * more dimension; they must all have the same dimensions (2202E); NULL sub-arrays are left
 * out and empty ones contribute nothing, as in PostgreSQL.
 */
final class ArrayConstruction {

  private ArrayConstruction() {
  }

  static Object ofSubArrays(List<Evaluator> args, List<DataType> from, DataType type,
      Object[] row, ExecContext c) {
    List<Object> out = new ArrayList<>(args.size());
    List<Integer> dims = null;
    for (int i = 0; i < args.size(); i++) {
      Object v = args.get(i).eval(row, c);
      if (v == null || ((List<?>) v).isEmpty()) {
        continue;
      }
      Object cast = from.get(i) == type ? v
          : ValueOps.cast(v, from.get(i), type, -1, c.eval());
      List<Integer> d = dims(cast);
      if (dims == null) {
        dims = d;
      } else if (!dims.equals(d)) {
        throw SnapsyncException.error(SqlState.ARRAY_SUBSCRIPT_ERROR,
            "engine.array_dims_mismatch");
      }
      out.add(cast);
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Integer> dims(Object v) {
    List<Integer> d = new ArrayList<>();
    while (v instanceof List<?> l) {
      d.add(l.size());
      v = l.isEmpty() ? null : l.get(0);
    }
    return d;
  }
}
