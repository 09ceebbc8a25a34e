package io.snapsync.core.session.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.ResultPages;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.cursor.SessionStatements;
import io.vertx.core.Future;
import java.util.List;

/**
 * A query of a transaction block read in pages: an unnamed forward-only cursor of the block,
 * each page a FETCH queued on the session. An error in a page fails the block like any
 * statement's error.
 */
final class PagedQuery implements ResultPages {

  private final SessionImpl session;
  private final Database db;
  private final SessionStatements statements;
  private final String name;
  private final List<Column> columns;
  private long delivered;
  private boolean finished;

  private PagedQuery(SessionImpl session, Database db, SessionStatements statements,
      String name, List<Column> columns) {
    this.session = session;
    this.db = db;
    this.statements = statements;
    this.name = name;
    this.columns = columns;
  }

  /** Declares the cursor (on the session's queue: call from inside a queued step). */
  static Future<ResultPages> open(SessionImpl session, Database db,
      SessionStatements statements, String query, List<Object> params) {
    return statements.openPortal(query, params)
        .<ResultPages>map(name -> new PagedQuery(session, db, statements, name,
            statements.portalColumns(name)))
        .recover(e -> session.failed(e));
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public Future<StatementResult> next(int max) {
    return session.queued(() -> {
      if (finished) {
        return Future.succeededFuture(new StatementResult(columns, List.of(),
            "SELECT " + delivered, List.of()));
      }
      if (session.txn().isFailed()) {
        return Future.failedFuture(SnapsyncException.error(SqlState.IN_FAILED_SQL_TRANSACTION,
            "sql.in_failed_transaction"));
      }
      return db.blocking(() -> {
        List<List<Object>> rows = statements.fetchPortal(name, max);
        delivered += rows.size();
        boolean last = max <= 0 || rows.size() < max;
        if (last) {
          finished = true;
          statements.closePortal(name);
        }
        return new StatementResult(columns, rows, last ? "SELECT " + delivered : null,
            List.of());
      }).recover(e -> session.failed(e));
    });
  }

  @Override
  public Future<Void> close() {
    return session.queued(() -> db.blocking(() -> {
      statements.closePortal(name);
      return null;
    }));
  }
}
