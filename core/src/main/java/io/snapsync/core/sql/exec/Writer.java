package io.snapsync.core.sql.exec;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.index.IndexMaintenance;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The bulk constant INSERT of {@code FastInsertParser}, CREATE TABLE and DROP TABLE, in three
 * phases: (1) on a worker, check and compute the keys; (2) take the locks one by one as
 * futures (never blocking a thread); (3) on a worker, re-check and write. INSERT, UPDATE and
 * DELETE in general go through the engine ({@code engine.dml.DmlEngine}, {@link RowModifier}).
 */
final class Writer {

  private final Database db;
  private final RowLocks locks;

  Writer(Database db) {
    this.db = db;
    this.locks = new RowLocks(db);
  }

  private record Planned(TableDef def, List<byte[]> keys, List<List<Object>> rows) {
  }

  Future<StatementResult> insert(Stmt.Insert ins, SessionContext ctx, List<Object> params) {
    TransactionBlock txn = ctx.txn();
    return db.blocking(() -> {
      txn.checkWritable("INSERT");
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      TableDef def = TableCatalog.require(t, ins.table());
      int[] targets = targets(def, ins.columns());
      List<byte[]> keys = new ArrayList<>(ins.rows().size());
      List<List<Object>> rows = new ArrayList<>(ins.rows().size());
      for (List<io.snapsync.core.sql.parse.Expr> exprs : ins.rows()) {
        ctx.checkCanceled();
        if (exprs.size() > targets.length) {
          throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "sql.insert_too_many");
        }
        if (ins.columns() != null && exprs.size() < targets.length) {
          throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "dml.insert_too_few");
        }
        List<Object> row = new ArrayList<>(def.columns().size());
        for (int c = 0; c < def.columns().size(); c++) {
          row.add(null);
        }
        for (int k = 0; k < exprs.size(); k++) {
          Column col = def.columns().get(targets[k]);
          row.set(targets[k], Values.convert(Executor.constant(exprs.get(k), params), col.type(),
              col.name()));
        }
        checkNotNull(def, row);
        keys.add(def.hiddenKey() ? Keys.row(def.id(), DataType.INT8, db.rowIds().next())
            : RowModifier.key(def, row));
        rows.add(row);
      }
      return new Planned(def, keys, rows);
    }).compose(p -> locks.lockAll(ctx, lockKeys(p), false).map(v -> p))
        .compose(p -> db.blocking(() -> {
          if (!txn.isolation().snapshotPerTransaction()) {
            txn.startQuery();
          }
          StoreTransaction t = txn.storeTxn();
          for (int i = 0; i < p.keys().size(); i++) {
            byte[] key = p.keys().get(i);
            ctx.checkCanceled();
            boolean exists = t.get(key) != null
                || (txn.isolation().snapshotPerTransaction() && t.latestCommitted(key) != null
                    && !txn.wasDeleted(key));
            if (exists) {
              TableDef def = p.def();
              List<Object> row = p.rows().get(i);
              throw SnapsyncException.error(SqlState.UNIQUE_VIOLATION, "sql.unique_violation",
                  def.name() + "_pkey").withDetail("sql.unique_violation.detail",
                  def.key().stream().map(k -> def.columns().get(k).name())
                      .collect(Collectors.joining(", ")),
                  def.key().stream().map(k -> String.valueOf(row.get(k)))
                      .collect(Collectors.joining(", ")));
            }
            t.put(key, RowCodec.encode(p.rows().get(i)));
            IndexMaintenance.write(t, txn, p.def(), null, null, key, p.rows().get(i));
          }
          return StatementResult.command("INSERT 0 " + p.keys().size());
        }));
  }

  Future<StatementResult> createTable(Stmt.CreateTable c, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    byte[] key = Keys.table(c.table());
    return db.blocking(() -> {
      txn.checkWritable("CREATE TABLE");
      txn.startQuery();
      txn.storeTxn();
      Set<String> names = new HashSet<>();
      for (Stmt.ColumnDef d : c.columns()) {
        if (!names.add(d.name())) {
          throw SnapsyncException.error("42701", "sql.duplicate_column", d.name());
        }
      }
      Set<String> keyNames = new HashSet<>();
      for (String k : c.keyColumns()) {
        if (!names.contains(k)) {
          throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.pk_column_not_exist", k);
        }
        if (!keyNames.add(k)) {
          throw SnapsyncException.error("42701", "schema.key_column_twice", k);
        }
      }
      return null;
    }).compose(v -> locks.lockAll(ctx, List.of(key), false)).compose(v -> db.blocking(() -> {
      StoreTransaction t = recheckSnapshot(txn);
      boolean exists = t.get(key) != null
          || (t.latestCommitted(key) != null && !txn.wasDeleted(key));
      if (exists) {
        if (c.ifNotExists()) {
          return new StatementResult(List.of(), List.of(), "CREATE TABLE", List.of(
              Notice.of(Severity.NOTICE, SqlState.DUPLICATE_TABLE, "sql.relation_exists_skipping",
                  c.table())));
        }
        throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "sql.relation_exists", c.table());
      }
      List<Column> cols = c.columns().stream().map(d -> new Column(d.name(), d.type()))
          .collect(Collectors.toList());
      List<Integer> keyCols = new ArrayList<>(); // empty: rows keyed by hidden row ids
      for (String k : c.keyColumns()) {
        int i = 0;
        while (!cols.get(i).name().equals(k)) {
          i++;
        }
        keyCols.add(i);
      }
      int pk = keyCols.size() == 1 ? keyCols.get(0) : -1;
      long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE - 1);
      List<Boolean> notNull = c.columns().stream().map(Stmt.ColumnDef::notNull)
          .collect(Collectors.toList());
      TableCatalog.put(t, new TableDef(id, c.table(), cols, pk, notNull, keyCols));
      return StatementResult.command("CREATE TABLE");
    }));
  }

  Future<StatementResult> dropTable(Stmt.DropTable d, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    byte[] key = Keys.table(d.table());
    return db.blocking(() -> {
      txn.checkWritable("DROP TABLE");
      txn.startQuery();
      txn.storeTxn();
      return null;
    }).compose(v -> locks.lockAll(ctx, List.of(key), txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = recheckSnapshot(txn);
          TableDef def = TableCatalog.find(t, d.table());
          if (def == null) {
            if (d.ifExists()) {
              return new StatementResult(List.of(), List.of(), "DROP TABLE", List.of(
                  Notice.of(Severity.NOTICE, "00000", "sql.table_not_exist_skipping",
                      d.table())));
            }
            throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "sql.table_not_exist",
                d.table());
          }
          List<byte[]> rows = new ArrayList<>();
          try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
              Keys.rowsTo(def.id()))) {
            while (it.hasNext()) {
              ctx.checkCanceled();
              rows.add(it.next().key());
            }
          }
          rows.forEach(t::delete);
          IndexMaintenance.clear(t, txn, def);
          t.delete(key);
          txn.markDeleted(key);
          return StatementResult.command("DROP TABLE");
        }));
  }

  /**
   * TRUNCATE: locks each table's definition (as DROP TABLE does, so concurrent DDL waits), then
   * deletes every row the re-check snapshot sees. Unlike PostgreSQL's, it is MVCC-safe: older
   * snapshots keep seeing the rows.
   */
  Future<StatementResult> truncate(Stmt.Truncate tr, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<byte[]> keys = tr.tables().stream().map(Keys::table).collect(Collectors.toList());
    return db.blocking(() -> {
      txn.checkWritable("TRUNCATE TABLE");
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      for (String name : tr.tables()) {
        if (TableCatalog.find(t, name) == null) {
          throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "sql.relation_not_exist", name);
        }
      }
      return null;
    }).compose(v -> locks.lockAll(ctx, keys, txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = recheckSnapshot(txn);
          for (String name : tr.tables()) {
            TableDef def = TableCatalog.find(t, name);
            if (def == null) {
              throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "sql.relation_not_exist",
                  name);
            }
            List<byte[]> rows = new ArrayList<>();
            try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
                Keys.rowsTo(def.id()))) {
              while (it.hasNext()) {
                ctx.checkCanceled();
                rows.add(it.next().key());
              }
            }
            for (byte[] row : rows) {
              t.delete(row);
              txn.markDeleted(row);
            }
            IndexMaintenance.clear(t, txn, def);
          }
          return StatementResult.command("TRUNCATE TABLE");
        }));
  }

  /** The row keys of a bulk insert followed by the unique index entries it writes. */
  private static List<byte[]> lockKeys(Planned p) {
    if (p.def().indexes().isEmpty()) {
      return p.keys();
    }
    List<byte[]> all = new ArrayList<>(p.keys());
    for (List<Object> row : p.rows()) {
      all.addAll(IndexMaintenance.lockKeys(p.def(), null, row));
    }
    return all;
  }

  /** READ COMMITTED: a fresh snapshot for the re-check (the rows are locked now). */
  private static StoreTransaction recheckSnapshot(TransactionBlock txn) {
    if (!txn.isolation().snapshotPerTransaction()) {
      txn.startQuery();
    }
    return txn.storeTxn();
  }

  private static int[] targets(TableDef def, List<String> columns) {
    if (columns == null) {
      int[] all = new int[def.columns().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] out = new int[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = def.indexOf(columns.get(i));
      if (out[i] < 0) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.column_of_relation",
            columns.get(i), def.name());
      }
      for (int k = 0; k < i; k++) {
        if (out[k] == out[i]) {
          throw SnapsyncException.error("42701", "dml.column_twice", columns.get(i));
        }
      }
    }
    return out;
  }

  private static void checkNotNull(TableDef def, List<Object> row) {
    for (int c = 0; c < row.size(); c++) {
      if (row.get(c) == null && def.isNotNull(c)) {
        throw SnapsyncException.error(SqlState.NOT_NULL_VIOLATION, "sql.not_null",
            def.columns().get(c).name(), def.name()).withDetail("sql.failing_row", rowText(row));
      }
    }
  }

  private static String rowText(List<Object> row) {
    return row.stream().map(v -> v == null ? "null" : String.valueOf(v))
        .collect(Collectors.joining(", "));
  }
}
