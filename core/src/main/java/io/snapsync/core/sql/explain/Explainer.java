package io.snapsync.core.sql.explain;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.engine.QueryEngine;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs EXPLAIN: plans the query afresh under the statement's snapshot (not from the plan
 * cache), with ANALYZE runs it on instrumented operators, and returns the plan text as rows of
 * the one column {@code QUERY PLAN}. Thread-safe; one per database.
 */
public final class Explainer {

  private final Database db;
  private final QueryEngine queries;

  public Explainer(Database db, QueryEngine queries) {
    this.db = db;
    this.queries = queries;
  }

  public Future<StatementResult> run(ExplainStmt e, SessionContext ctx, List<Object> params) {
    TransactionBlock txn = ctx.txn();
    long planStart = System.nanoTime();
    return db.blocking(() -> {
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      try (var path = io.snapsync.core.sql.ddl.SearchPath.enter(ctx)) {
        return new Planned(queries.explain(e.query(), t, e.analyze()), t,
            System.nanoTime() - planStart);
      }
    }).compose(p -> {
      if (!e.analyze()) {
        return Future.succeededFuture(result(p, e, -1));
      }
      long runStart = System.nanoTime();
      return queries.start(p.explained().query(), ctx, p.txn(), params)
          .compose(x -> db.blocking(() -> {
            x.rows(p.explained().query(), p.txn(), x.params());
            return result(p, e, System.nanoTime() - runStart);
          }));
    });
  }

  private record Planned(QueryEngine.Explained explained, StoreTransaction txn, long nanos) {
  }

  private static StatementResult result(Planned p, ExplainStmt e, long runNanos) {
    List<String> lines = new PlanText(p.explained().origins(), e.costs(), e.analyze(),
        e.timing()).print(p.explained().query().root());
    if (e.summary()) {
      lines.add(String.format(Locale.ROOT, "Planning Time: %.3f ms", p.nanos() / 1e6));
      if (runNanos >= 0) {
        lines.add(String.format(Locale.ROOT, "Execution Time: %.3f ms", runNanos / 1e6));
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (String l : lines) {
      rows.add(List.of(l));
    }
    return new StatementResult(List.of(new Column("QUERY PLAN", DataType.TEXT)), rows, "EXPLAIN",
        List.of());
  }
}
