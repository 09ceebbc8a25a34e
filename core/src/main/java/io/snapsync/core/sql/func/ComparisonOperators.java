package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;

import io.snapsync.core.session.DataType;
import java.util.function.IntPredicate;

/**
 * {@code = <> < <= > >=} for every type with a btree order (PgValues.compare); mixed types
 * resolve through implicit casts (int4 = int8 compares as int8, numeric = float8 as float8).
 */
final class ComparisonOperators {

  private ComparisonOperators() {
  }

  static void register(Registry r) {
    for (DataType t : DataType.values()) {
      if (t == DataType.VOID || t == DataType.UNKNOWN || t == DataType.JSON
          || t == DataType.JSON_ARRAY) {
        continue;
      }
      op(r, "=", t, c -> c == 0);
      op(r, "<>", t, c -> c != 0);
      op(r, "<", t, c -> c < 0);
      op(r, "<=", t, c -> c <= 0);
      op(r, ">", t, c -> c > 0);
      op(r, ">=", t, c -> c >= 0);
    }
  }

  private static void op(Registry r, String name, DataType t, IntPredicate test) {
    r.add(Fn.of(name, BOOL, (x, c) -> test.test(ValueOrder.compare(x[0], x[1], t)), t, t));
  }
}
