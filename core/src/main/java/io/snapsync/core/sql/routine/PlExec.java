package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.engine.exec.Cursor;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Runs the SQL statements of a PL/pgSQL call in the caller's transaction. A query inside a
 * function that a query calls is planned and pulled on the calling worker under the caller's
 * snapshot; a statement of a DO block or procedure, and any INSERT, UPDATE, DELETE or DDL, runs
 * as the session's statement would (its own snapshot under READ COMMITTED, its locks), the
 * worker waiting for it. One per call.
 */
final class PlExec {

  /** A statement's result: its columns, the rows kept, and the rows it processed. */
  record Result(List<Column> columns, List<Object[]> rows, long count) {
  }

  private final Routines routines;
  private final ExecContext ctx;
  private final boolean topLevel;

  PlExec(Routines routines, ExecContext ctx, boolean topLevel) {
    this.routines = routines;
    this.ctx = ctx;
    this.topLevel = topLevel;
  }

  /** Runs {@code sql} with {@code params} ($1..), keeping at most {@code keep} rows. */
  Result run(String sql, Object[] params, int keep) {
    ctx.checkCanceled();
    Stmt stmt = SqlParser.parse(sql, () -> false);
    if (stmt instanceof Stmt.Query && (!topLevel || ctx.eval().session() == null)) {
      return query(sql, params, keep);
    }
    SessionContext session = ctx.eval().session();
    if (session == null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported",
          "data-modifying statements here");
    }
    StatementResult r;
    try {
      r = await(routines.database().executor().run(stmt, session, Arrays.asList(params)));
    } catch (IllegalArgumentException e) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported",
          stmt.kind() + " in PL/pgSQL");
    }
    for (Notice n : r.notices()) {
      ctx.eval().notice(n);
    }
    List<Object[]> rows = new ArrayList<>();
    for (List<Object> row : r.rows()) {
      if (keep >= 0 && rows.size() >= keep) {
        break;
      }
      rows.add(row.toArray());
    }
    return new Result(r.columns(), rows, count(r));
  }

  private Result query(String sql, Object[] params, int keep) {
    PreparedQuery q = routines.plan(sql, ctx.txn());
    List<Object[]> rows = new ArrayList<>();
    long count = 0;
    try (Cursor c = q.root().open(SqlFunctionCalls.context(q, ctx, ctx.txn(), params))) {
      for (Object[] row = c.next(); row != null; row = c.next()) {
        ctx.checkCanceled();
        count++;
        if (keep >= 0 && rows.size() >= keep) {
          break;
        }
        rows.add(row);
      }
    }
    return new Result(q.columns(), rows, count);
  }

  /** The number at the end of a command tag ({@code INSERT 0 3}, {@code UPDATE 2}), or 0. */
  private static long count(StatementResult r) {
    String tag = r.commandTag();
    int space = tag == null ? -1 : tag.lastIndexOf(' ');
    try {
      return space < 0 ? r.rows().size() : Long.parseLong(tag.substring(space + 1));
    } catch (NumberFormatException e) {
      return r.rows().size();
    }
  }

  /** Waits on a worker (never an event loop) for a statement's result. */
  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw SnapsyncException.error(SqlState.INTERNAL_ERROR, "engine.internal")
          .withCause(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SnapsyncException.error(SqlState.QUERY_CANCELED, "sql.query_canceled");
    }
  }
}
