package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.sql.parse.Stmt;
import java.util.ArrayList;
import java.util.List;

/** A WHERE comparison bound to a column index and a value of the column's type. */
record Bound(int column, String op, Object value) {

  static List<Bound> bind(List<Column> columns, List<Stmt.Cond> where, List<Object> params) {
    if (where.isEmpty()) {
      return List.of();
    }
    List<Bound> out = new ArrayList<>(where.size());
    for (Stmt.Cond c : where) {
      int idx = column(columns, c.column());
      Object raw = Executor.constant(c.value(), params);
      Column col = columns.get(idx);
      out.add(new Bound(idx, c.op(), Values.convert(raw, col.type(), col.name())));
    }
    return out;
  }

  static int column(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.column_not_exist", name);
  }

  static boolean matches(List<Bound> conds, List<Object> row) {
    for (Bound b : conds) {
      if (!b.test(row.get(b.column))) {
        return false;
      }
    }
    return true;
  }

  boolean test(Object v) {
    if (v == null || value == null) {
      return false;
    }
    int c = Values.compare(v, value);
    return switch (op) {
      case "=" -> c == 0;
      case "<>" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> false;
    };
  }
}
