package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.ddl.ForeignKeyChecks;
import io.snapsync.core.sql.index.IndexMaintenance;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The write side of INSERT, UPDATE and DELETE planned by the query engine: the engine finds
 * the rows (and their new values) under the statement's snapshot; this class takes the row
 * locks as futures (no thread waits), then on a worker re-checks each row and writes it.
 *
 * <p>READ COMMITTED: a row that changed since the statement's snapshot is re-evaluated on its
 * newest committed version ({@link Recheck}, like PostgreSQL's EvalPlanQual). REPEATABLE READ
 * and SERIALIZABLE (and imported snapshots) lock with {@code failIfChangedSinceSnapshot}: 40001.
 * Thread-safe; one instance per database.
 */
public final class RowModifier {

  private final Database db;
  private final RowLocks locks;
  private final TableLockWaits tables;

  public RowModifier(Database db) {
    this.db = db;
    this.locks = new RowLocks(db);
    this.tables = new TableLockWaits(db);
  }

  /**
   * Runs {@code write} holding ROW EXCLUSIVE on the table (so CREATE INDEX waits for it); once
   * more with the current index list when {@code def}'s is outdated ({@link CurrentDefinition}).
   */
  private Future<Written> locked(TableDef def, SessionContext ctx,
      java.util.function.Function<TableDef, Future<Written>> write) {
    return tables.lock(ctx, def.name(), io.snapsync.core.txn.TableLockMode.ROW_EXCLUSIVE)
        .compose(w -> write.apply(def))
        .recover(e -> e instanceof CurrentDefinition.Changed c ? write.apply(c.now)
            : Future.failedFuture(e));
  }

  /**
   * One target row: its key, its values as the statement's snapshot saw them ({@code null} for
   * INSERT), its new values ({@code null} for DELETE) and the engine row it was computed from.
   */
  public record Change(byte[] key, List<Object> oldRow, List<Object> newRow, Object[] source) {
  }

  /** READ COMMITTED's re-evaluation of a changed row: the new change, or null if it no longer matches. */
  public interface Recheck {
    Change apply(StoreTransaction t, Change c);
  }

  /** What a modification wrote, in order. */
  public record Written(List<Change> changes) {
    public int count() {
      return changes.size();
    }
  }

  /** The row key of {@code row} in {@code def} (a table with a primary key). */
  public static byte[] key(TableDef def, List<Object> row) {
    if (def.pk() >= 0) {
      return Keys.row(def.id(), def.pkColumn().type(), row.get(def.pk()));
    }
    List<io.snapsync.core.session.DataType> types = new ArrayList<>(def.key().size());
    List<Object> values = new ArrayList<>(def.key().size());
    for (int k : def.key()) {
      types.add(def.columns().get(k).type());
      values.add(row.get(k));
    }
    return Keys.composite(def.id(), types, values);
  }

  /** The key of a new row: its primary key, or a fresh hidden row id. */
  private byte[] newKey(TableDef def, List<Object> row) {
    return def.hiddenKey() ? Keys.row(def.id(), DataType.INT8, db.rowIds().next())
        : key(def, row);
  }

  /**
   * Inserts complete rows (table column order, already cast): locks their keys, then fails
   * with 23505 on a key that exists (committed by anyone, or written by this transaction).
   * Rows of a table without a primary key get fresh hidden row ids.
   */
  public Future<Written> insert(TableDef planned, List<List<Object>> rows, SessionContext ctx) {
    return locked(planned, ctx, def -> insertLocked(def, rows, ctx))
        .andThen(ar -> WriteCounts.count(db, planned, ar, WriteCounts.Kind.INSERT));
  }

  private Future<Written> insertLocked(TableDef def, List<List<Object>> rows,
      SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<byte[]> keys = new ArrayList<>(rows.size());
    List<byte[]> locked = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      checkNotNull(def, row);
      keys.add(newKey(def, row));
      locked.add(keys.get(keys.size() - 1));
      locked.addAll(IndexMaintenance.lockKeys(def, null, row));
    }
    return locks.lockAll(ctx, locked, false).compose(v -> referencedKeys(def, rows, txn))
        .compose(fk -> lockReferenced(ctx, fk, txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blockingInline(() -> {
      StoreTransaction t = recheckSnapshot(txn);
      CurrentDefinition.check(db, txn, t, def);
      List<Change> written = new ArrayList<>(rows.size());
      for (int i = 0; i < keys.size(); i++) {
        ctx.checkCanceled();
        putNew(t, txn, def, keys.get(i), rows.get(i));
        IndexMaintenance.write(t, txn, def, null, null, keys.get(i), rows.get(i));
        written.add(new Change(keys.get(i), null, rows.get(i), null));
      }
      if (!def.foreignKeys().isEmpty()) {
        ForeignKeyChecks.checkReferences(db.store(), t, txn, def, rows);
      }
      return new Written(written);
    }));
  }

  /**
   * INSERT ... ON CONFLICT on the primary key: a proposed row whose key is taken is skipped
   * ({@code conflict == null}: DO NOTHING) or turned into an update of the existing row by
   * {@code conflict} (DO UPDATE; null when its WHERE rejects the row). REPEATABLE READ fails
   * with 40001 on a conflicting row its snapshot does not see, as PostgreSQL does.
   */
  public Future<Written> upsert(TableDef planned, List<List<Object>> rows, Conflict conflict,
      SessionContext ctx) {
    return locked(planned, ctx, def -> upsertLocked(def, rows, conflict, ctx))
        .andThen(ar -> WriteCounts.count(db, planned, ar, WriteCounts.Kind.UPSERT));
  }

  private Future<Written> upsertLocked(TableDef def, List<List<Object>> rows, Conflict conflict,
      SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    boolean perTxn = txn.isolation().snapshotPerTransaction();
    List<byte[]> keys = new ArrayList<>(rows.size());
    List<byte[]> indexKeys = new ArrayList<>();
    for (List<Object> row : rows) {
      checkNotNull(def, row);
      keys.add(key(def, row));
      indexKeys.addAll(IndexMaintenance.lockKeys(def, null, row));
    }
    return locks.lockAll(ctx, keys, perTxn).compose(v -> locks.lockAll(ctx, indexKeys, false))
        .compose(v -> referencedKeys(def, rows, txn))
        .compose(fk -> lockReferenced(ctx, fk, perTxn))
        .compose(v -> db.blockingInline(() -> {
      StoreTransaction t = recheckSnapshot(txn);
      CurrentDefinition.check(db, txn, t, def);
      List<Change> written = new ArrayList<>(rows.size());
      java.util.Set<java.nio.ByteBuffer> touched = new java.util.HashSet<>();
      for (int i = 0; i < keys.size(); i++) {
        ctx.checkCanceled();
        byte[] key = keys.get(i);
        byte[] value = t.get(key);
        if (value == null && perTxn && t.latestCommitted(key) != null && !txn.wasDeleted(key)) {
          throw SnapsyncException.error(SqlState.SERIALIZATION_FAILURE,
              "sql.serialization_failure");
        }
        if (value == null) {
          putNew(t, txn, def, key, rows.get(i));
          IndexMaintenance.write(t, txn, def, null, null, key, rows.get(i));
          touched.add(java.nio.ByteBuffer.wrap(key));
          written.add(new Change(key, null, rows.get(i), null));
          continue;
        }
        if (conflict == null) {
          continue;
        }
        if (!touched.add(java.nio.ByteBuffer.wrap(key))) {
          throw SnapsyncException.error(SqlState.CARDINALITY_VIOLATION, "dml.on_conflict_twice")
              .withHint("dml.on_conflict_twice.hint");
        }
        List<Object> existing = RowCodec.decode(value, def.columns().size());
        List<Object> updated = conflict.update(t, existing, rows.get(i));
        if (updated == null) {
          continue;
        }
        checkNotNull(def, updated);
        byte[] newKey = key(def, updated);
        if (Arrays.equals(newKey, key)) {
          t.put(key, RowCodec.encode(updated));
        } else {
          t.delete(key);
          txn.markDeleted(key);
          putNew(t, txn, def, newKey, updated);
        }
        IndexMaintenance.write(t, txn, def, key, existing, newKey, updated);
        written.add(new Change(key, existing, updated, null));
      }
      if (!def.foreignKeys().isEmpty()) {
        ForeignKeyChecks.checkReferences(db.store(), t, txn, def,
            written.stream().map(Change::newRow).toList());
        List<Change> updates = written.stream().filter(c -> c.oldRow() != null).toList();
        ForeignKeyChecks.checkReferenced(db.store(), t, txn, def,
            updates.stream().map(Change::oldRow).toList(),
            updates.stream().map(Change::newRow).toList());
        if (io.snapsync.core.sql.ddl.ForeignKeyActions.any(def)) {
          // ON CONFLICT DO UPDATE runs no referential actions: a still referenced key fails
          ForeignKeyChecks.checkReferencedAfterActions(db.store(), t, txn, def,
              updates.stream().map(Change::oldRow).toList(),
              updates.stream().map(Change::newRow).toList());
        }
      }
      return new Written(written);
    }));
  }

  /**
   * The referenced rows' keys new rows of {@code def} lock (foreign keys; REPEATABLE READ:
   * 40001 when such a row changed since the snapshot, as PostgreSQL's FOR KEY SHARE).
   */
  private Future<List<byte[]>> referencedKeys(TableDef def, List<List<Object>> rows,
      TransactionBlock txn) {
    return !ForeignKeyChecks.references(def) ? Future.succeededFuture(List.of())
        : db.blocking(() -> ForeignKeyChecks.lockKeys(txn.storeTxn(), def, rows));
  }

  /** Locks referenced rows; a row changed since a REPEATABLE READ snapshot is an "update". */
  Future<Void> lockReferenced(SessionContext ctx, List<byte[]> keys, boolean perTxn) {
    return locks.lockAll(ctx, keys, perTxn).recover(e -> Future.failedFuture(
        e instanceof SnapsyncException se && SqlState.SERIALIZATION_FAILURE.equals(se.sqlState())
            ? SnapsyncException.error(SqlState.SERIALIZATION_FAILURE, "sql.serialization_failure")
            : e));
  }

  /** DO UPDATE of a conflicting row: its new values, or null to leave it. Blocking. */
  public interface Conflict {
    List<Object> update(StoreTransaction t, List<Object> existing, List<Object> proposed);
  }

  /**
   * Updates the rows of {@code changes}; a change of the primary key deletes the old key and
   * inserts the new one (23505 when taken).
   */
  public Future<Written> update(TableDef planned, List<Change> changes, Recheck recheck,
      SessionContext ctx) {
    return WriteCounts.counted(db, planned, WriteCounts.Kind.UPDATE, actions(planned, ctx,
        modify(planned, changes, recheck, ctx, (t, def, c, current) -> {
      checkNotNull(def, c.newRow());
      byte[] newKey = def.hiddenKey() ? c.key() : key(def, c.newRow());
      if (Arrays.equals(newKey, c.key())) {
        t.put(c.key(), RowCodec.encode(c.newRow()));
      } else {
        t.delete(c.key());
        ctx.txn().markDeleted(c.key());
        putNew(t, ctx.txn(), def, newKey, c.newRow());
      }
      IndexMaintenance.write(t, ctx.txn(), def, c.key(), current, newKey, c.newRow());
      return c;
    })));
  }

  /** Then the referential actions (CASCADE, SET NULL, SET DEFAULT) on referencing rows. */
  private Future<Written> actions(TableDef def, SessionContext ctx, Future<Written> write) {
    return !io.snapsync.core.sql.ddl.ForeignKeyActions.any(def) ? write : write.compose(w ->
        io.snapsync.core.sql.ddl.ForeignKeyActions.run(db, def, w.changes(), ctx)
            .compose(v -> db.blockingInline(() -> {
              TransactionBlock txn = ctx.txn();
              ForeignKeyChecks.checkReferencedAfterActions(db.store(), txn.storeTxn(), txn, def,
                  w.changes().stream().map(Change::oldRow).toList(),
                  w.changes().stream().map(Change::newRow).toList());
              return w;
            })));
  }

  /** Deletes the rows of {@code changes}. */
  public Future<Written> delete(TableDef planned, List<Change> changes, Recheck recheck,
      SessionContext ctx) {
    return WriteCounts.counted(db, planned, WriteCounts.Kind.DELETE, actions(planned, ctx,
        modify(planned, changes, recheck, ctx, (t, def, c, current) -> {
      t.delete(c.key());
      ctx.txn().markDeleted(c.key());
      IndexMaintenance.delete(t, ctx.txn(), def, c.key(), current);
      return c;
    })));
  }

  /** Writes one change; {@code current}: the row as stored now (null without indexes). */
  private interface Apply {
    Change write(StoreTransaction t, TableDef def, Change c, List<Object> current);
  }

  private Future<Written> modify(TableDef planned, List<Change> changes, Recheck recheck,
      SessionContext ctx, Apply apply) {
    return locked(planned, ctx, def -> modifyLocked(def, changes, recheck, ctx, apply));
  }

  private Future<Written> modifyLocked(TableDef def, List<Change> changes, Recheck recheck,
      SessionContext ctx, Apply apply) {
    TransactionBlock txn = ctx.txn();
    boolean perTxn = txn.isolation().snapshotPerTransaction();
    List<byte[]> keys = new ArrayList<>(changes.size());
    List<byte[]> indexKeys = new ArrayList<>();
    for (Change c : changes) {
      keys.add(c.key());
      indexKeys.addAll(IndexMaintenance.lockKeys(def, c.oldRow(), c.newRow()));
    }
    List<List<Object>> newRows = changes.stream().map(Change::newRow)
        .filter(java.util.Objects::nonNull).toList();
    return locks.lockAll(ctx, keys, perTxn).compose(v -> locks.lockAll(ctx, indexKeys, false))
        .compose(v -> referencedKeys(def, newRows, txn))
        .compose(fk -> lockReferenced(ctx, fk, perTxn))
        .compose(v -> db.blockingInline(() -> {
      StoreTransaction t = recheckSnapshot(txn);
      CurrentDefinition.check(db, txn, t, def);
      List<Change> written = new ArrayList<>(changes.size());
      List<List<Object>> before = new ArrayList<>();
      for (Change c : changes) {
        ctx.checkCanceled();
        byte[] value = t.get(c.key());
        if (value == null) {
          continue;
        }
        Change now = c;
        if (!perTxn && !Arrays.equals(value, RowCodec.encode(c.oldRow()))) {
          now = recheck.apply(t, c);
          if (now == null) {
            continue;
          }
        }
        List<Object> current = def.indexes().isEmpty() && def.foreignKeys().isEmpty() ? null
            : RowCodec.decode(value, def.columns().size());
        written.add(apply.write(t, def, now, current));
        before.add(current);
      }
      if (!def.foreignKeys().isEmpty()) {
        List<List<Object>> after = written.stream().map(Change::newRow).toList();
        ForeignKeyChecks.checkReferences(db.store(), t, txn, def, before, after);
        ForeignKeyChecks.checkReferenced(db.store(), t, txn, def, before, after);
      }
      return new Written(written);
    }));
  }

  private static void putNew(StoreTransaction t, TransactionBlock txn, TableDef def, byte[] key,
      List<Object> row) {
    boolean exists = t.get(key) != null
        || (txn.isolation().snapshotPerTransaction() && t.latestCommitted(key) != null
            && !txn.wasDeleted(key));
    if (exists) {
      throw SnapsyncException.error(SqlState.UNIQUE_VIOLATION, "sql.unique_violation",
          def.name() + "_pkey").withDetail("sql.unique_violation.detail",
          def.key().stream().map(k -> def.columns().get(k).name())
              .collect(Collectors.joining(", ")),
          def.key().stream().map(k -> String.valueOf(row.get(k)))
              .collect(Collectors.joining(", ")));
    }
    t.put(key, RowCodec.encode(row));
  }

  /** READ COMMITTED: a fresh snapshot for the re-check (the rows are locked now). */
  private static StoreTransaction recheckSnapshot(TransactionBlock txn) {
    if (!txn.isolation().snapshotPerTransaction()) {
      txn.startQuery();
    }
    return txn.storeTxn();
  }

  /** 23502 for NULL in a NOT NULL column (the primary key always is). */
  public static void checkNotNull(TableDef def, List<Object> row) {
    for (int c = 0; c < row.size(); c++) {
      if (row.get(c) == null && def.isNotNull(c)) {
        throw SnapsyncException.error(SqlState.NOT_NULL_VIOLATION, "sql.not_null",
            def.columns().get(c).name(), def.name()).withDetail("sql.failing_row",
            row.stream().map(x -> x == null ? "null" : String.valueOf(x))
                .collect(Collectors.joining(", ")));
      }
    }
  }
}
