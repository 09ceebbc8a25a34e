package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.engine.QueryEngine;
import io.snapsync.core.sql.exec.RowModifier;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.types.PgValues;
import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Enforces a table's CHECK constraints on rows about to be written (after NOT NULL, as
 * PostgreSQL orders them): the engine evaluates {@code SELECT (check) IS NOT FALSE, ... FROM
 * (VALUES (CAST($1 AS type), ...), ...) AS t(columns)} over up to {@link #BATCH} rows at a
 * time, so the plan is cached per table and batch size; a false check is 23514 {@code new row
 * for relation "t" violates check constraint "c"} with DETAIL {@code Failing row contains
 * (...)}. Stateless, thread-safe.
 */
public final class RowChecks {

  static final int BATCH = 64;

  private RowChecks() {
  }

  /** Checks {@code rows} (values in column order) of {@code def}; fails with the violation. */
  public static Future<Void> verify(QueryEngine queries, TableDef def, List<List<Object>> rows,
      SessionContext ctx) {
    try {
      rows.forEach(r -> RowModifier.checkNotNull(def, r));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (def.checks().isEmpty() || rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return batch(queries, def, rows, 0, ctx);
  }

  private static Future<Void> batch(QueryEngine queries, TableDef def, List<List<Object>> rows,
      int from, SessionContext ctx) {
    int to = Math.min(rows.size(), from + BATCH);
    return queries.run(sql(def, to - from), ctx, params(def, rows.subList(from, to)))
        .compose(result -> {
      failOn(def, rows, from, result);
      return to < rows.size() ? batch(queries, def, rows, to, ctx) : Future.succeededFuture();
    });
  }

  private static void failOn(TableDef def, List<List<Object>> rows, int from,
      StatementResult result) {
    for (int i = 0; i < result.rows().size(); i++) {
      List<Object> ok = result.rows().get(i);
      for (int k = 0; k < ok.size(); k++) {
        if (!Boolean.TRUE.equals(ok.get(k))) {
          throw SnapsyncException.error(DdlStates.CHECK_VIOLATION, "ddl.check_violation",
              def.name(), def.checks().get(k).name()).withDetail("ddl.failing_row",
              text(rows.get(from + i)));
        }
      }
    }
  }

  /** The row as PostgreSQL's DETAIL shows it. */
  static String text(List<Object> row) {
    return row.stream().map(x -> x == null ? "null" : String.valueOf(x))
        .collect(Collectors.joining(", "));
  }

  /** The parameters of {@link #over}'s query for {@code rows}: each value as text. */
  static List<Object> params(TableDef def, List<List<Object>> rows) {
    List<Object> params = new ArrayList<>();
    for (List<Object> r : rows) {
      for (int c = 0; c < def.columns().size(); c++) {
        Object v = r.get(c);
        params.add(v == null ? null
            : PgValues.toText(v, def.columns().get(c).type(), ZoneOffset.UTC));
      }
    }
    return params;
  }

  private static String sql(TableDef def, int rows) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < def.checks().size(); k++) {
      b.append(k == 0 ? "" : ", ").append("(").append(def.checks().get(k).sql())
          .append(") IS NOT FALSE");
    }
    return over(def, rows, b.toString());
  }

  /**
   * {@code SELECT select FROM (VALUES ...) AS t(columns)} over {@code rows} parameter rows of
   * {@code def} (named as the table and its columns, so expressions over them read as written).
   */
  static String over(TableDef def, int rows, String select) {
    StringBuilder b = new StringBuilder("SELECT ").append(select);
    b.append(" FROM (VALUES ");
    int n = def.columns().size();
    for (int r = 0; r < rows; r++) {
      b.append(r == 0 ? "(" : ", (");
      for (int c = 0; c < n; c++) {
        b.append(c == 0 ? "" : ", ").append("CAST($").append(r * n + c + 1).append(" AS ")
            .append(typeName(def.columns().get(c))).append(")");
      }
      b.append(")");
    }
    b.append(") AS \"").append(Names.relname(def.name()).replace("\"", "\"\"")).append("\" (");
    for (int c = 0; c < n; c++) {
      b.append(c == 0 ? "" : ", ").append('"')
          .append(def.columns().get(c).name().replace("\"", "\"\"")).append('"');
    }
    return b.append(")").toString();
  }

  private static String typeName(Column c) {
    DataType t = c.type();
    // names the engine's grammar reads in CAST; other types are compared as text
    return switch (t) {
      case INT2 -> "smallint";
      case INT4 -> "integer";
      case INT8 -> "bigint";
      case BOOL -> "boolean";
      case FLOAT4 -> "real";
      case FLOAT8 -> "double";
      case NUMERIC -> "decimal(1000, 500)"; // unconstrained numeric compares wrongly here
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case INTERVAL -> "interval";
      default -> "varchar";
    };
  }
}
