package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.error.StorageErrors;
import io.snapsync.core.sql.Database;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;

/**
 * Row-lock acquisition for writes: the keys one after another as futures (no thread waits),
 * waits counted as {@code Lock:row}, the session's {@code lock_timeout} (55P03) or, when
 * shorter, {@code statement_timeout} (57014) applied per wait; a cancelled statement
 * ({@link SessionContext#canceled()}) stops waiting at once. Called on a worker, keys that are
 * free are taken there at once; after a wait, many remaining keys are taken on a worker, not on
 * the event loop that delivered the grant.
 */
public final class RowLocks {

  /** Keys left after a wait that are still taken on the thread that granted it. */
  static final int INLINE_KEYS = 32;

  private final Database db;

  public RowLocks(Database db) {
    this.db = db;
  }

  /** Takes the row locks one after another without blocking a thread. */
  public Future<Void> lockAll(SessionContext ctx, List<byte[]> keys, boolean failIfChanged) {
    if (keys.isEmpty()) {
      return Future.succeededFuture();
    }
    TransactionBlock txn = ctx.txn();
    long lockTimeout = setting(ctx, "lock_timeout");
    long statementTimeout = setting(ctx, "statement_timeout");
    boolean byStatement = statementTimeout > 0
        && (lockTimeout <= 0 || statementTimeout < lockTimeout);
    long timeout = byStatement ? statementTimeout : lockTimeout;
    Promise<Void> done = Promise.promise();
    Future<Void> canceled = ctx.canceled();
    if (canceled != null) {
      if (canceled.failed()) {
        return Future.failedFuture(canceled.cause());
      }
      canceled.onFailure(done::tryFail);
    }
    new Object() {
      int next;
      long waitStart;

      void step() {
        StoreTransaction t = txn.storeTxn();
        while (next < keys.size()) {
          Future<Void> f;
          try {
            f = t.lock(keys.get(next), failIfChanged);
          } catch (StorageException e) {
            done.fail(StorageErrors.translate(e));
            return;
          }
          next++;
          if (f.isComplete()) {
            if (f.failed()) {
              done.fail(translate(f.cause()));
              return;
            }
            continue;
          }
          waitStart = System.nanoTime();
          txn.waiting("Lock:row");
          long timer = timeout <= 0 ? -1 : db.services().vertx().setTimer(timeout,
              id -> done.tryFail(byStatement
                  ? SnapsyncException.error(SqlState.QUERY_CANCELED, "sql.statement_timeout")
                  : SnapsyncException.error(SqlState.LOCK_NOT_AVAILABLE, "sql.lock_timeout")));
          f.onComplete(ar -> {
            if (timer >= 0) {
              db.services().vertx().cancelTimer(timer);
            }
            txn.waiting(null);
            db.services().stats().waited("Lock:row", System.nanoTime() - waitStart);
            if (done.future().isComplete()) {
              return;
            }
            if (ar.failed()) {
              done.tryFail(translate(ar.cause()));
            } else if (keys.size() - next > INLINE_KEYS && !Database.inWorkerTask()) {
              // many keys left (a bulk INSERT): not a loop on the event loop
              db.blocking(() -> {
                step();
                return null;
              }).onFailure(done::tryFail);
            } else {
              step();
            }
          });
          return;
        }
        done.complete();
      }
    }.step();
    return done.future();
  }

  /** A session timeout setting in milliseconds (0: none). */
  private static long setting(SessionContext ctx, String name) {
    try {
      return ctx.settings().getLong(name);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static Throwable translate(Throwable e) {
    return e instanceof StorageException se ? StorageErrors.translate(se) : e;
  }
}
