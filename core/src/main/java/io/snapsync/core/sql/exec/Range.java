package io.snapsync.core.sql.exec;

import io.snapsync.core.session.DataType;
import java.util.List;

/**
 * The key range a WHERE pins on the primary key: a point ({@code pk = v}), a range from
 * {@code >}, {@code >=}, {@code <}, {@code <=}, or the whole table. The remaining conditions
 * are still checked on every row.
 */
record Range(byte[] point, byte[] from, byte[] to) {

  static Range of(TableDef def, List<Bound> conds) {
    byte[] from = Keys.rowsFrom(def.id());
    byte[] to = Keys.rowsTo(def.id());
    if (def.hiddenKey()) {
      return new Range(null, from, to);
    }
    DataType type = def.pkColumn().type();
    for (Bound b : conds) {
      if (b.column() != def.pk() || b.value() == null) {
        continue;
      }
      byte[] k = Keys.row(def.id(), type, b.value());
      switch (b.op()) {
        case "=" -> {
          return new Range(k, null, null);
        }
        case ">=" -> from = max(from, k);
        case ">" -> from = max(from, Keys.successor(k));
        case "<" -> to = min(to, k);
        case "<=" -> to = min(to, Keys.successor(k));
        default -> {
        }
      }
    }
    return new Range(null, from, to);
  }

  private static byte[] max(byte[] a, byte[] b) {
    return java.util.Arrays.compareUnsigned(a, b) >= 0 ? a : b;
  }

  private static byte[] min(byte[] a, byte[] b) {
    return java.util.Arrays.compareUnsigned(a, b) <= 0 ? a : b;
  }
}
