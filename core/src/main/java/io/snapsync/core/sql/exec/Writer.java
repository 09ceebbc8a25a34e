package io.snapsync.core.sql.exec;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
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
 * INSERT, UPDATE, DELETE and DDL in three phases: (1) on a worker, find the target keys under
 * the statement snapshot; (2) take the row locks one by one as futures (never blocking a
 * thread); (3) on a worker, re-check each row and write. READ COMMITTED re-reads the latest
 * committed row and re-evaluates WHERE (like PostgreSQL's EvalPlanQual); REPEATABLE READ and
 * SERIALIZABLE lock with {@code failIfChangedSinceSnapshot} and fail with 40001.
 */
final class Writer {

  private final Database db;
  private final RowLocks locks;

  Writer(Database db) {
    this.db = db;
    this.locks = new RowLocks(db);
  }

  private record Planned(TableDef def, List<byte[]> keys, List<List<Object>> rows,
      List<Bound> conds, int[] setColumns, Object[] setValues) {
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
        Object pk = row.get(def.pk());
        keys.add(Keys.row(def.id(), def.pkColumn().type(), pk));
        rows.add(row);
      }
      return new Planned(def, keys, rows, List.of(), null, null);
    }).compose(p -> locks.lockAll(ctx, p.keys(), false).map(v -> p))
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
              Column pk = p.def().pkColumn();
              throw SnapsyncException.error(SqlState.UNIQUE_VIOLATION, "sql.unique_violation",
                  p.def().name() + "_pkey").withDetail("sql.unique_violation.detail", pk.name(),
                  String.valueOf(p.rows().get(i).get(p.def().pk())));
            }
            t.put(key, RowCodec.encode(p.rows().get(i)));
          }
          return StatementResult.command("INSERT 0 " + p.keys().size());
        }));
  }

  Future<StatementResult> update(Stmt.Update up, SessionContext ctx, List<Object> params) {
    TransactionBlock txn = ctx.txn();
    return db.blocking(() -> {
      txn.checkWritable("UPDATE");
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      TableDef def = TableCatalog.require(t, up.table());
      int[] cols = new int[up.set().size()];
      Object[] vals = new Object[cols.length];
      for (int i = 0; i < cols.length; i++) {
        Stmt.Assignment a = up.set().get(i);
        cols[i] = Bound.column(def.columns(), a.column());
        Column col = def.columns().get(cols[i]);
        vals[i] = Values.convert(Executor.constant(a.value(), params), col.type(), col.name());
        if (cols[i] == def.pk()) {
          throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported",
              "UPDATE of the primary key");
        }
      }
      List<Bound> conds = Bound.bind(def.columns(), up.where(), params);
      return new Planned(def, targetKeys(t, def, conds, ctx), null, conds, cols, vals);
    }).compose(p -> writeMatching(p, ctx, (t, key, row) -> {
      for (int i = 0; i < p.setColumns().length; i++) {
        row.set(p.setColumns()[i], p.setValues()[i]);
      }
      checkNotNull(p.def(), row);
      t.put(key, RowCodec.encode(row));
    })).map(n -> StatementResult.command("UPDATE " + n));
  }

  Future<StatementResult> delete(Stmt.Delete del, SessionContext ctx, List<Object> params) {
    TransactionBlock txn = ctx.txn();
    return db.blocking(() -> {
      txn.checkWritable("DELETE");
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      TableDef def = TableCatalog.require(t, del.table());
      List<Bound> conds = Bound.bind(def.columns(), del.where(), params);
      return new Planned(def, targetKeys(t, def, conds, ctx), null, conds, null, null);
    }).compose(p -> writeMatching(p, ctx, (t, key, row) -> {
      t.delete(key);
      txn.markDeleted(key);
    })).map(n -> StatementResult.command("DELETE " + n));
  }

  /** What UPDATE or DELETE does to one row that still matches once locked. */
  private interface RowWrite {
    void apply(StoreTransaction t, byte[] key, List<Object> row);
  }

  /**
   * Phases 2 and 3 of UPDATE and DELETE: takes the row locks of the planned keys (without a
   * thread), then on a worker re-reads each row under the statement's final snapshot (the
   * newest committed version in READ COMMITTED), re-checks WHERE and applies {@code write} to
   * the rows that still match. Returns how many.
   */
  private Future<Integer> writeMatching(Planned p, SessionContext ctx, RowWrite write) {
    TransactionBlock txn = ctx.txn();
    return locks.lockAll(ctx, p.keys(), txn.isolation().snapshotPerTransaction())
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = recheckSnapshot(txn);
          int n = 0;
          for (byte[] key : p.keys()) {
            ctx.checkCanceled();
            byte[] value = t.get(key);
            if (value == null) {
              continue;
            }
            List<Object> row = RowCodec.decode(value, p.def().columns().size());
            if (Bound.matches(p.conds(), row)) {
              write.apply(t, key, row);
              n++;
            }
          }
          return n;
        }));
  }

  Future<StatementResult> createTable(Stmt.CreateTable c, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    byte[] key = Keys.table(c.table());
    return db.blocking(() -> {
      txn.checkWritable("CREATE TABLE");
      txn.startQuery();
      txn.storeTxn();
      if (c.primaryKey() == null) {
        throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION, "sql.pk_required",
            c.table());
      }
      Set<String> names = new HashSet<>();
      for (Stmt.ColumnDef d : c.columns()) {
        if (!names.add(d.name())) {
          throw SnapsyncException.error("42701", "sql.duplicate_column", d.name());
        }
      }
      if (!names.contains(c.primaryKey())) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.pk_column_not_exist",
            c.primaryKey());
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
      int pk = 0;
      while (!cols.get(pk).name().equals(c.primaryKey())) {
        pk++;
      }
      long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE - 1);
      List<Boolean> notNull = c.columns().stream().map(Stmt.ColumnDef::notNull)
          .collect(Collectors.toList());
      TableCatalog.put(t, new TableDef(id, c.table(), cols, pk, notNull));
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
          t.delete(key);
          txn.markDeleted(key);
          return StatementResult.command("DROP TABLE");
        }));
  }

  /** READ COMMITTED: a fresh snapshot for the re-check (the rows are locked now). */
  private static StoreTransaction recheckSnapshot(TransactionBlock txn) {
    if (!txn.isolation().snapshotPerTransaction()) {
      txn.startQuery();
    }
    return txn.storeTxn();
  }

  private static List<byte[]> targetKeys(StoreTransaction t, TableDef def, List<Bound> conds,
      SessionContext ctx) {
    Range range = Range.of(def, conds);
    List<byte[]> keys = new ArrayList<>();
    if (range.point() != null) {
      byte[] v = t.get(range.point());
      if (v != null && Bound.matches(conds, RowCodec.decode(v, def.columns().size()))) {
        keys.add(range.point());
      }
      return keys;
    }
    try (CloseableIterator<KeyValue> it = t.scan(range.from(), range.to())) {
      while (it.hasNext()) {
        ctx.checkCanceled();
        KeyValue kv = it.next();
        if (Bound.matches(conds, RowCodec.decode(kv.value(), def.columns().size()))) {
          keys.add(kv.key());
        }
      }
    }
    return keys;
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
