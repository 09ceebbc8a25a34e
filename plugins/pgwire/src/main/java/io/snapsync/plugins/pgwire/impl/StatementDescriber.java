package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Answers Describe of a prepared statement before it is bound, which the session API cannot
 * do directly. Statements that return no rows describe as NoData; a SELECT calling functions
 * (which may have side effects, like {@code pg_export_snapshot()}) as one column per select-list
 * item, named as PostgreSQL names it, typed from the known snapsync functions (text otherwise,
 * and the values are then sent as text); any other row-returning statement ({@code SHOW}, table
 * reads) is run once with NULL parameters (a read without side effects; {@code LIMIT 0} added
 * when it has no LIMIT) to learn its columns.
 */
final class StatementDescriber {

  /** Result types of the built-in and WDR functions (others are described as text). */
  private static final Map<String, DataType> FUNCTION_TYPES = Map.ofEntries(
      Map.entry("pg_export_snapshot", DataType.TEXT),
      Map.entry("pg_current_snapshot", DataType.TEXT),
      Map.entry("pg_snapshot_xmin", DataType.INT8),
      Map.entry("pg_snapshot_xmax", DataType.INT8),
      Map.entry("txid_current", DataType.INT8),
      Map.entry("version", DataType.TEXT),
      Map.entry("current_database", DataType.TEXT),
      Map.entry("current_setting", DataType.TEXT),
      Map.entry("now", DataType.TIMESTAMPTZ),
      Map.entry("create_wdr_snapshot", DataType.TEXT),
      Map.entry("generate_wdr_report", DataType.TEXT),
      Map.entry("kill_snapshot", DataType.VOID),
      Map.entry("count", DataType.INT8));

  private final CatalogProbes probes;

  StatementDescriber(CatalogProbes probes) {
    this.probes = probes;
  }

  Future<List<Column>> columns(PreparedStmt s, Session session) {
    String sql = s.sql;
    s.guessedColumns = false;
    if (SqlText.isEmpty(sql) || !SqlText.returnsRows(sql)) {
      return Future.succeededFuture(List.of());
    }
    String keyword = SqlText.firstKeyword(sql);
    List<Object> nulls = new ArrayList<>(Collections.nCopies(s.paramTypes.length, null));
    var probe = probes.answer(sql, List.of("0"));
    if (probe.isPresent()) {
      return Future.succeededFuture(probe.get().columns());
    }
    boolean callsFunctions = SqlText.calledFunctions(sql).stream()
        .anyMatch(f -> !f.equals("count"));
    if (keyword.equals("SELECT") && callsFunctions) {
      s.guessedColumns = true;
      List<Column> cols = new ArrayList<>();
      for (String name : SqlText.selectListNames(sql)) {
        cols.add(new Column(name, FUNCTION_TYPES.getOrDefault(name, DataType.TEXT)));
      }
      return Future.succeededFuture(cols);
    }
    String probeSql = sql;
    if (keyword.equals("SELECT") && !SqlText.hasTopLevel(sql, "LIMIT")) {
      // only the columns are wanted: do not read the rows
      probeSql = sql.strip().replaceAll(";+$", "") + " LIMIT 0";
    }
    return session.execute(probeSql, nulls).map(StatementResult::columns);
  }
}
