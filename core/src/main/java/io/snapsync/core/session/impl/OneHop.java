package io.snapsync.core.session.impl;

import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.parse.Stmt;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/**
 * Runs a statement's steps inside one worker task: each step of a write (plan, read, lock,
 * write, an autocommit commit) goes through {@link Database#blockingInline}, so when every
 * step completes at once (no row lock to wait for) the statement takes one event loop ->
 * worker -> event loop hand-off instead of one per step. Its outcome is delivered on the
 * calling context, also when a step waited (a lock granted later). Stateless.
 */
final class OneHop {

  private OneHop() {
  }

  /**
   * True for the statements run this way: INSERT, UPDATE, DELETE, and a query inside a
   * transaction block (an autocommit query has its own one-hop path).
   */
  static boolean applies(Stmt stmt, boolean implicit) {
    return stmt instanceof Stmt.Modify || stmt instanceof Stmt.Insert
        || (!implicit && stmt instanceof Stmt.Query);
  }

  /** Runs {@code steps} on a worker; the outcome on {@code caller} (null: any thread). */
  static Future<StatementResult> run(Database db, Context caller,
      Supplier<Future<StatementResult>> steps) {
    return db.blocking(steps::get).compose(f -> onContext(f, caller));
  }

  /** {@code f}, whose listeners run on {@code caller} when it completes later. */
  static Future<StatementResult> onContext(Future<StatementResult> f, Context caller) {
    if (f.isComplete() || caller == null) {
      return f;
    }
    Promise<StatementResult> p = Promise.promise();
    f.onComplete(ar -> caller.runOnContext(v -> p.handle(ar)));
    return p.future();
  }
}
