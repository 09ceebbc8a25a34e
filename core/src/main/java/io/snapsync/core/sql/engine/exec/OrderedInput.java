package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.func.AggregateFunction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of one group held back for {@code agg(x ORDER BY y)}: kept with their sort keys,
 * then given to the accumulator in key order (stable, so ties keep input order).
 */
final class OrderedInput {

  private final List<SortKey> keys;
  private final List<Object[]> rows = new ArrayList<>();

  OrderedInput(List<SortKey> keys) {
    this.keys = keys;
  }

  void add(Object[] row, Object[] values) {
    Object[] entry = new Object[keys.size() + 1];
    for (int i = 0; i < keys.size(); i++) {
      entry[i] = row[keys.get(i).field()];
    }
    entry[keys.size()] = values;
    rows.add(entry);
  }

  void drainInto(AggregateFunction.Accumulator acc) {
    List<SortKey> local = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      SortKey k = keys.get(i);
      local.add(new SortKey(i, k.descending(), k.nullsFirst(), k.type()));
    }
    Comparator<Object[]> cmp = SortKey.comparator(local);
    rows.sort(cmp);
    for (Object[] e : rows) {
      acc.add((Object[]) e[keys.size()]);
    }
    rows.clear();
  }
}
