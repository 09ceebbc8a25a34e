package io.snapsync.core.sql.lock;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableLockWaits;
import io.snapsync.core.sql.ddl.ViewCatalog;
import io.snapsync.core.txn.TableLockMode;
import io.snapsync.core.txn.TransactionBlock;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code LOCK TABLE}: only in a transaction block (25P01), each table must exist (42P01)
 * and the session hold a privilege the mode needs (PostgreSQL's: SELECT or a write privilege
 * for {@code ACCESS SHARE}, INSERT/UPDATE/DELETE/TRUNCATE for {@code ROW EXCLUSIVE}, else
 * UPDATE/DELETE/TRUNCATE), then the table locks are taken in order ({@link TableLockWaits}:
 * waits honour lock_timeout, cancellation and deadlock detection) and held to the end of the
 * transaction. {@code NOWAIT} fails with 55P03 instead of waiting. Views lock nothing here.
 * Thread-safe; one per database.
 */
public final class LockRunner {

  private final Database db;
  private final TableLockWaits locks;

  public LockRunner(Database db) {
    this.db = db;
    this.locks = new TableLockWaits(db);
  }

  /** Runs {@code s} in the session's transaction. */
  public Future<StatementResult> run(LockStmt s, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    if (!txn.inBlock()) {
      return Future.failedFuture(SnapsyncException.error(SqlState.NO_ACTIVE_SQL_TRANSACTION,
          "catalog.lock_outside_block"));
    }
    return db.blocking(() -> {
      txn.startQuery();
      var t = txn.storeTxn();
      AccessCheck.Who who = AccessCheck.Who.of(db, ctx);
      List<String> tables = new ArrayList<>();
      for (String name : s.tables()) {
        if (TableCatalog.find(t, name) == null && ViewCatalog.find(t, name) != null) {
          continue;
        }
        var def = TableCatalog.require(t, name);
        if (allowed(s.mode()).stream().noneMatch(p -> AccessCheck.holds(who, t, def, p))) {
          throw SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE,
              "catalog.lock_denied", name);
        }
        tables.add(name);
      }
      return tables;
    }).compose(tables -> {
      Future<Void> f = Future.succeededFuture();
      for (String table : tables) {
        f = f.compose(v -> lock(ctx, table, s));
      }
      return f;
    }).map(v -> StatementResult.command("LOCK TABLE"));
  }

  private Future<Void> lock(SessionContext ctx, String table, LockStmt s) {
    if (s.nowait()) {
      Set<Long> others = new java.util.HashSet<>(db.tableLocks().holders(table, s.mode()));
      others.remove(ctx.txn().txidIfBegun());
      if (!others.isEmpty()) {
        return Future.failedFuture(SnapsyncException.error(SqlState.LOCK_NOT_AVAILABLE,
            "catalog.lock_not_available", table));
      }
    }
    return locks.lock(ctx, table, s.mode()).mapEmpty();
  }

  private static Set<Privilege> allowed(TableLockMode mode) {
    return switch (mode) {
      case ACCESS_SHARE -> EnumSet.of(Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE,
          Privilege.DELETE, Privilege.TRUNCATE);
      case ROW_EXCLUSIVE -> EnumSet.of(Privilege.INSERT, Privilege.UPDATE, Privilege.DELETE,
          Privilege.TRUNCATE);
      default -> EnumSet.of(Privilege.UPDATE, Privilege.DELETE, Privilege.TRUNCATE);
    };
  }
}
