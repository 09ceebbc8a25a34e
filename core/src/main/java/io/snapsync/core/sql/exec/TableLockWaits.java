package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.Database;
import io.snapsync.core.txn.TableLockMode;
import io.snapsync.core.txn.TableLocks;
import io.snapsync.core.txn.TransactionBlock;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * A session's table-definition lock requests ({@link TableLocks}): held until its transaction
 * ends, waits counted as {@code Lock:relation}, the session's {@code lock_timeout} (55P03) or,
 * when shorter, {@code statement_timeout} (57014), cancellation honoured, a deadlock 40P01.
 * The session's store transaction must have begun. Thread-safe; one per database.
 */
public final class TableLockWaits {

  private final Database db;

  public TableLockWaits(Database db) {
    this.db = db;
  }

  /** Locks {@code table} in {@code mode}; the future tells whether the request had to wait. */
  public Future<Boolean> lock(SessionContext ctx, String table, TableLockMode mode) {
    return lock(ctx, table, mode, false);
  }

  /**
   * As {@link #lock(SessionContext, String, TableLockMode)}; a {@code polite} request never
   * makes later requests wait (CREATE INDEX CONCURRENTLY).
   */
  public Future<Boolean> lock(SessionContext ctx, String table, TableLockMode mode,
      boolean polite) {
    TransactionBlock txn = ctx.txn();
    long owner = txn.txidIfBegun();
    if (owner == 0) {
      return Future.failedFuture(new IllegalStateException("table lock outside a transaction"));
    }
    TableLocks locks = db.tableLocks();
    if (!locks.holdsAny(owner)) {
      // a prepared transaction keeps its locks until COMMIT / ROLLBACK PREPARED
      txn.onEnd(() -> {
        if (!txn.endingPrepared()) {
          locks.releaseAll(owner);
        }
      });
    }
    TableLocks.Request r = locks.acquire(owner, table, mode, polite);
    Future<Void> f = r.future();
    if (f.isComplete()) {
      return f.failed() ? Future.failedFuture(translate(f.cause())) : Future.succeededFuture(false);
    }
    return waitFor(ctx, locks, r).map(true);
  }

  /** Locks each of {@code tables} in {@code mode}, one after another. */
  public Future<Void> lockAll(SessionContext ctx, java.util.List<String> tables,
      TableLockMode mode) {
    Future<Void> f = Future.succeededFuture();
    for (String table : tables) {
      f = f.compose(v -> lock(ctx, table, mode).mapEmpty());
    }
    return f;
  }

  private Future<Void> waitFor(SessionContext ctx, TableLocks locks, TableLocks.Request r) {
    long lockTimeout = setting(ctx, "lock_timeout");
    long statementTimeout = setting(ctx, "statement_timeout");
    boolean byStatement = statementTimeout > 0
        && (lockTimeout <= 0 || statementTimeout < lockTimeout);
    long timeout = byStatement ? statementTimeout : lockTimeout;
    Promise<Void> done = Promise.promise();
    long start = System.nanoTime();
    long timer = timeout <= 0 ? -1 : db.services().vertx().setTimer(timeout, id -> {
      if (done.tryFail(byStatement
          ? SnapsyncException.error(SqlState.QUERY_CANCELED, "sql.statement_timeout")
          : SnapsyncException.error(SqlState.LOCK_NOT_AVAILABLE, "sql.lock_timeout"))) {
        locks.cancel(r);
      }
    });
    Future<Void> canceled = ctx.canceled();
    if (canceled != null) {
      canceled.onFailure(e -> {
        if (done.tryFail(e)) {
          locks.cancel(r);
        }
      });
    }
    r.future().onComplete(ar -> {
      if (timer >= 0) {
        db.services().vertx().cancelTimer(timer);
      }
      db.services().stats().waited("Lock:relation", System.nanoTime() - start);
      if (ar.succeeded()) {
        done.tryComplete();
      } else {
        done.tryFail(translate(ar.cause()));
      }
    });
    return done.future();
  }

  private static Throwable translate(Throwable e) {
    if (e instanceof TableLocks.LockFailure f) {
      return f.outcome() == TableLocks.Outcome.DEADLOCK
          ? SnapsyncException.error(SqlState.DEADLOCK_DETECTED, "sql.deadlock")
          : SnapsyncException.error(SqlState.QUERY_CANCELED, "sql.query_canceled");
    }
    return e;
  }

  /** A session timeout setting in milliseconds (0: none). */
  private static long setting(SessionContext ctx, String name) {
    try {
      return ctx.settings().getLong(name);
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
