package io.snapsync.core.sql.exec;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.access.AccessCheck;
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
 * The bulk constant INSERT of {@code FastInsertParser}, in three phases: (1) on a worker, check and compute the keys; (2) take the locks one by one as
 * futures (never blocking a thread); (3) on a worker, re-check and write. INSERT, UPDATE and
 * DELETE in general go through the engine ({@code engine.dml.DmlEngine}, {@link RowModifier}).
 */
final class Writer {

  private final Database db;
  private final RowLocks locks;
  private final TableLockWaits tables;
  private final RowModifier referenced;
  private final PartitionInserts partitions;

  Writer(Database db) {
    this.db = db;
    this.referenced = new RowModifier(db);
    this.partitions = new PartitionInserts(db, referenced);
    this.locks = new RowLocks(db);
    this.tables = new TableLockWaits(db);
  }

  private record Planned(TableDef def, List<byte[]> keys, List<List<Object>> rows) {
  }

  Future<StatementResult> insert(Stmt.Insert ins, SessionContext ctx, List<Object> params) {
    TransactionBlock txn = ctx.txn();
    return db.blockingInline(() -> {
      txn.checkWritable("INSERT");
      txn.startQuery();
      String table = io.snapsync.core.sql.ddl.SearchPath.of(ctx).relation(txn.storeTxn(),
          List.of(ins.table()));
      io.snapsync.core.sql.ddl.ViewCatalog.refuseWrite(txn.storeTxn(), table, "insert into");
      return TableCatalog.require(txn.storeTxn(), table);
    }).compose(def -> tables.lock(ctx, def.name(),
            io.snapsync.core.txn.TableLockMode.ROW_EXCLUSIVE).map(def))
        .compose(def -> defaults(def, ins, ctx))
        .compose(defaults -> insert(ins, ctx, params, defaults));
  }

  /**
   * The defaults of the columns the INSERT leaves out, one row per VALUES row, evaluated by the
   * query engine ({@code SELECT d1, d2 FROM generate_series(1, n)}, so volatile defaults such
   * as {@code nextval} give each row its own value); null when there are none.
   */
  private Future<StatementResult> defaults(TableDef def, Stmt.Insert ins, SessionContext ctx) {
    int[] targets = targets(def, ins.columns());
    int width = ins.rows().stream().mapToInt(List::size).max().orElse(0);
    List<String> exprs = new ArrayList<>();
    Set<Integer> named = new HashSet<>();
    for (int i = 0; i < Math.min(width, targets.length); i++) {
      named.add(targets[i]);
    }
    for (int c = 0; c < def.columns().size(); c++) {
      if (!named.contains(c) && def.defaultOf(c) != null) {
        exprs.add("(" + def.defaultOf(c) + ") AS \"" + c + "\"");
      }
    }
    if (exprs.isEmpty()) {
      return Future.succeededFuture(null);
    }
    return db.executor().queries().run("SELECT " + String.join(", ", exprs)
        + " FROM generate_series(1, " + ins.rows().size() + ")", ctx, List.of());
  }

  private Future<StatementResult> insert(Stmt.Insert ins, SessionContext ctx,
      List<Object> params, StatementResult defaults) {
    TransactionBlock txn = ctx.txn();
    return db.blockingInline(() -> {
      StoreTransaction t = txn.storeTxn();
      TableDef def = TableCatalog.require(t, io.snapsync.core.sql.ddl.SearchPath.of(ctx)
          .relation(t, List.of(ins.table())));
      AccessCheck.require(db, ctx, t, def, Privilege.INSERT);
      int[] targets = targets(def, ins.columns());
      int rowNumber = 0;
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
          row.set(targets[k], assign(Executor.constant(exprs.get(k), params), col));
        }
        if (defaults != null) {
          List<Object> d = defaults.rows().get(rowNumber);
          for (int j = 0; j < d.size(); j++) {
            Column from = defaults.columns().get(j);
            int c = Integer.parseInt(from.name());
            Column col = def.columns().get(c);
            row.set(c, d.get(j) == null ? null : io.snapsync.core.sql.types.PgValues.assign(
                d.get(j), from.type(), col.type(), col.typmod(), java.time.ZoneOffset.UTC));
          }
        }
        rowNumber++;
        checkNotNull(def, row);
        keys.add(def.hiddenKey() ? Keys.row(def.id(), DataType.INT8, db.rowIds().next())
            : RowModifier.key(def, row));
        rows.add(row);
      }
      return new Planned(def, keys, rows);
    }).compose(p -> PartitionInserts.involved(p.def())
        ? partitions.insert(p.def(), p.rows(), ctx)
            .map(w -> StatementResult.command("INSERT 0 " + w.count()))
        : io.snapsync.core.sql.ddl.RowChecks.verify(db.executor().queries(), p.def(),
        p.rows(), ctx).map(v -> p)
        .compose(q -> write(q, ctx).recover(e -> e instanceof CurrentDefinition.Changed c
            ? write(new Planned(c.now, q.keys(), q.rows()), ctx) : Future.failedFuture(e))));
  }

  /** Locks the rows and their unique entries, then re-checks and writes them. */
  private Future<StatementResult> write(Planned p, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    Future<List<byte[]>> fk = !io.snapsync.core.sql.ddl.ForeignKeyChecks.references(p.def())
        ? Future.succeededFuture(List.of()) : db.blockingInline(() ->
            io.snapsync.core.sql.ddl.ForeignKeyChecks.lockKeys(txn.storeTxn(), p.def(), p.rows()));
    return fk.compose(keys -> referenced.lockReferenced(ctx, keys,
            txn.isolation().snapshotPerTransaction()))
        .compose(v -> locks.lockAll(ctx, lockKeys(p), false))
        .compose(v -> db.blockingInline(() -> {
          if (!txn.isolation().snapshotPerTransaction()) {
            txn.startQuery();
          }
          StoreTransaction t = txn.storeTxn();
          CurrentDefinition.check(db, txn, t, p.def());
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
          if (!p.def().foreignKeys().isEmpty()) {
            io.snapsync.core.sql.ddl.ForeignKeyChecks.checkReferences(db.store(), t, txn, p.def(),
                p.rows());
          }
          db.services().stats().objects().written(p.def().id(), p.keys().size(), 0, 0);
          return StatementResult.command("INSERT 0 " + p.keys().size());
        }));
  }

  /** A constant's value in column {@code col}, with PostgreSQL's assignment rules. */
  private static Object assign(Object v, Column col) {
    return switch (col.type()) {
      case INT4, INT8, BOOL, TEXT, FLOAT8, TIMESTAMPTZ -> Values.convert(v, col.type(),
          col.name());
      default -> v == null ? null : io.snapsync.core.sql.types.PgValues.assign(v,
          io.snapsync.core.sql.engine.expr.ValueOps.typeOf(v), col.type(), col.typmod(),
          java.time.ZoneOffset.UTC);
    };
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
          throw SnapsyncException.error(SqlState.DUPLICATE_COLUMN, "dml.column_twice",
              columns.get(i));
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
}
