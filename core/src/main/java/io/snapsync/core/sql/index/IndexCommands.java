package io.snapsync.core.sql.index;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.exec.TableLockWaits;
import io.snapsync.core.txn.TableLockMode;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs CREATE INDEX, DROP INDEX and ANALYZE in the session's transaction, in the phases of the
 * other DDL: check on a worker, lock the table definition as a future, then re-check, build
 * and write on a worker. CREATE INDEX takes SHARE on the table, so it waits for every writer in
 * flight (they hold ROW EXCLUSIVE) and new writers wait for it; CONCURRENTLY (outside a block
 * only) asks politely: new writers pass it while it waits for the older ones, then it builds
 * as CREATE INDEX does. DROP INDEX takes ACCESS EXCLUSIVE.
 * Thread-safe; one per database.
 */
public final class IndexCommands {

  private final Database db;
  private final RowLocks locks;
  private final TableLockWaits tableLocks;

  public IndexCommands(Database db) {
    this.db = db;
    this.locks = new RowLocks(db);
    this.tableLocks = new TableLockWaits(db);
  }

  /** Runs {@code s}. */
  public Future<StatementResult> run(IndexStmt s, SessionContext ctx) {
    if (s instanceof IndexStmt.CreateIndex c) {
      return create(c, ctx);
    } else if (s instanceof IndexStmt.DropIndex d) {
      return drop(d, ctx);
    } else if (s instanceof IndexStmt.Vacuum v) {
      return vacuum(v, ctx);
    }
    return TableAnalyzer.run(db, (IndexStmt.Analyze) s, ctx);
  }

  /** VACUUM: outside a transaction block, as in PostgreSQL; the named tables must exist. */
  private Future<StatementResult> vacuum(IndexStmt.Vacuum v, SessionContext ctx) {
    if (ctx.txn().inBlock()) {
      return Future.failedFuture(SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION,
          "sql.inside_block", "VACUUM"));
    }
    return db.blocking(() -> {
      StoreTransaction t = ctx.txn().storeTxn();
      v.tables().forEach(name -> TableCatalog.require(t, name));
      db.store().reclaim();
      return null;
    }).compose(x -> v.analyze()
        ? TableAnalyzer.run(db, new IndexStmt.Analyze(v.tables()), ctx)
        : Future.succeededFuture()).map(x -> StatementResult.command("VACUUM"));
  }

  private Future<StatementResult> create(IndexStmt.CreateIndex c, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    if (c.concurrently() && txn.inBlock()) {
      return Future.failedFuture(SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION,
          "sql.inside_block", "CREATE INDEX CONCURRENTLY"));
    }
    return begin(txn, "CREATE INDEX")
        .compose(v -> tableLocks.lock(ctx, c.table(), TableLockMode.SHARE, c.concurrently()))
        .compose(v -> locks.lockAll(ctx, List.of(Keys.table(c.table())),
            txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = recheckSnapshot(txn);
          TableDef def = TableCatalog.require(t, c.table());
          List<Integer> cols = new ArrayList<>();
          List<Boolean> desc = new ArrayList<>();
          List<Boolean> nullsFirst = new ArrayList<>();
          List<String> names = new ArrayList<>();
          for (IndexStmt.Element e : c.elements()) {
            int i = def.indexOf(e.column());
            if (i < 0) {
              throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "index.column_not_exist",
                  e.column());
            }
            cols.add(i);
            desc.add(e.descending());
            nullsFirst.add(e.nullsFirstOrDefault());
            names.add(e.column());
          }
          Set<String> taken = IndexBuilder.relationNames(t);
          String name = c.name() != null ? c.name()
              : IndexBuilder.defaultName(def.name(), names, "idx", taken);
          if (taken.contains(name)) {
            if (c.ifNotExists()) {
              return new StatementResult(List.of(), List.of(), "CREATE INDEX", List.of(
                  Notice.of(Severity.NOTICE, SqlState.DUPLICATE_TABLE,
                      "index.relation_exists_skipping", name)));
            }
            throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "index.relation_exists", name);
          }
          IndexDef ix = new IndexDef(name, IndexBuilder.newId(), cols, desc, nullsFirst,
              c.unique(), false, false, null);
          build(t, txn, def, ix, ctx);
          List<IndexDef> all = new ArrayList<>(def.indexes());
          all.add(ix);
          TableCatalog.put(t, def.withIndexes(all));
          return StatementResult.command("CREATE INDEX");
        }));
  }

  private Future<StatementResult> drop(IndexStmt.DropIndex d, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<String> tables = new ArrayList<>();
    return begin(txn, "DROP INDEX").compose(v -> db.blocking(() -> {
      StoreTransaction t = txn.storeTxn();
      for (TableDef def : TableCatalog.all(t)) {
        if (d.names().stream().anyMatch(n -> def.index(n) != null)) {
          tables.add(def.name());
        }
      }
      return tables.stream().map(Keys::table).toList();
    })).compose(keys -> tableLocks.lockAll(ctx, tables, TableLockMode.ACCESS_EXCLUSIVE).map(keys))
        .compose(keys -> locks.lockAll(ctx, keys, txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = recheckSnapshot(txn);
          List<Notice> notices = new ArrayList<>();
          for (String name : d.names()) {
            TableDef def = owner(t, tables, name);
            if (def == null) {
              if (!d.ifExists()) {
                throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT,
                    "index.index_not_exist", name);
              }
              notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "index.index_not_exist_skipping",
                  name));
              continue;
            }
            IndexDef ix = def.index(name);
            if (ix.constraint()) {
              throw SnapsyncException.error(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "index.constraint_requires", name,
                  def.name()).withHint("index.constraint_requires.hint", name, def.name());
            }
            IndexMaintenance.clear(t, txn, ix);
            List<IndexDef> rest = new ArrayList<>(def.indexes());
            rest.remove(ix);
            TableCatalog.put(t, def.withIndexes(rest));
          }
          return new StatementResult(List.of(), List.of(), "DROP INDEX", notices);
        }));
  }

  /**
   * Builds {@code ix} over the rows that are committed now (REPEATABLE READ: not only those of
   * the transaction's snapshot, as PostgreSQL's build sees every live row) unless this
   * transaction wrote to the table itself; no writer is in flight (SHARE is held). Blocking.
   */
  private void build(StoreTransaction t, TransactionBlock txn, TableDef def, IndexDef ix,
      SessionContext ctx) {
    if (!txn.isolation().snapshotPerTransaction()
        || db.tableLocks().holds(t.txid(), def.name(), TableLockMode.ROW_EXCLUSIVE)) {
      IndexBuilder.build(t, def, ix, ctx::checkCanceled);
      return;
    }
    StoreTransaction latest = db.store().begin();
    try {
      IndexBuilder.build(latest, t, def, ix, ctx::checkCanceled);
    } finally {
      latest.rollback();
    }
  }

  /** The locked table among {@code tables} that now holds index {@code name}, or null. */
  private static TableDef owner(StoreTransaction t, List<String> tables, String name) {
    for (String table : tables) {
      TableDef def = TableCatalog.find(t, table);
      if (def != null && def.index(name) != null) {
        return def;
      }
    }
    return null;
  }

  private Future<Void> begin(TransactionBlock txn, String what) {
    return db.blocking(() -> {
      txn.checkWritable(what);
      txn.startQuery();
      txn.storeTxn();
      return null;
    });
  }

  /** READ COMMITTED: a fresh snapshot once the locks are held. */
  static StoreTransaction recheckSnapshot(TransactionBlock txn) {
    if (!txn.isolation().snapshotPerTransaction()) {
      txn.startQuery();
    }
    return txn.storeTxn();
  }
}
