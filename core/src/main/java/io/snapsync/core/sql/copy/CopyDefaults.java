package io.snapsync.core.sql.copy;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.engine.QueryEngine;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.types.PgValues;
import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The DEFAULT of every column a COPY FROM leaves out, as INSERT gives them: evaluated by the
 * query engine once per row of a batch ({@code SELECT (d1), (d2) FROM generate_series(1, n)},
 * so {@code nextval} gives each row its own value) and cast to the column's type. Immutable;
 * one per COPY.
 */
final class CopyDefaults {

  private final TableDef def;
  /** The columns to fill, in table order. */
  private final List<Integer> columns = new ArrayList<>();
  private final String select;

  CopyDefaults(TableDef def, int[] targets) {
    this.def = def;
    boolean[] named = new boolean[def.columns().size()];
    for (int t : targets) {
      named[t] = true;
    }
    List<String> exprs = new ArrayList<>();
    for (int c = 0; c < named.length; c++) {
      if (!named[c] && def.defaultOf(c) != null) {
        columns.add(c);
        exprs.add("(" + def.defaultOf(c) + ")");
      }
    }
    this.select = exprs.isEmpty() ? null : "SELECT " + String.join(", ", exprs)
        + " FROM generate_series(1, ";
  }

  /** Whether column {@code c} gets a default (it is left out and has one). */
  boolean fills(int c) {
    return columns.contains(c);
  }

  /** Sets the defaults in {@code rows} (complete rows in table order, changed in place). */
  Future<Void> apply(QueryEngine queries, SessionContext ctx, List<List<Object>> rows) {
    if (select == null || rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return queries.run(select + rows.size() + ")", ctx, List.of()).map(r -> {
      fill(r, rows);
      return null;
    });
  }

  private void fill(StatementResult r, List<List<Object>> rows) {
    for (int i = 0; i < rows.size(); i++) {
      List<Object> values = r.rows().get(i);
      for (int j = 0; j < columns.size(); j++) {
        Object v = values.get(j);
        Column from = r.columns().get(j);
        Column to = def.columns().get(columns.get(j));
        rows.get(i).set(columns.get(j), v == null ? null
            : PgValues.assign(v, from.type(), to.type(), to.typmod(), ZoneOffset.UTC));
      }
    }
  }
}
