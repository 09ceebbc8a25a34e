package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.ddl.DdlStatement.AlterTable;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.TableLockWaits;
import io.snapsync.core.txn.TableLockMode;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.index.IndexMaintenance;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE: a new definition written in the transaction (and, for ADD COLUMN with a default
 * and DROP COLUMN, the rows rewritten in the new shape), after the definition's key is locked.
 */
final class AlterTableDdl {

  private final Database db;
  private final RowLocks locks;
  private final TableLockWaits tableLocks;
  private final Sequences sequences;

  AlterTableDdl(Database db, RowLocks locks, Sequences sequences) {
    this.db = db;
    this.locks = locks;
    this.tableLocks = new TableLockWaits(db);
    this.sequences = sequences;
  }

  Future<StatementResult> alter(AlterTable a, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<byte[]> keys = new ArrayList<>(a.action() == AlterTable.Action.RENAME_TABLE
        ? List.of(Keys.table(a.table()), Keys.table(a.newName())) : List.of(Keys.table(a.table())));
    List<String> other = new ArrayList<>();
    return db.blocking(() -> {
      txn.checkWritable(a.tag());
      txn.startQuery();
      String o = ForeignKeyAlter.other(txn.storeTxn(), a);
      if (o != null) {
        other.add(o);
        keys.add(Keys.table(o));
      }
      return null;
    }).compose(v -> tableLocks.lockAll(ctx, a.action() == AlterTable.Action.RENAME_TABLE
            ? List.of(a.table(), a.newName()) : List.of(a.table()),
            TableLockMode.ACCESS_EXCLUSIVE))
        .compose(v -> tableLocks.lockAll(ctx, other, TableLockMode.SHARE_ROW_EXCLUSIVE))
        .compose(v -> locks.lockAll(ctx, keys, txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = DdlEngine.recheckSnapshot(txn);
          TableDef def = TableCatalog.find(t, a.table());
          if (def == null) {
            if (a.ifExists()) {
              return notice(a, "ddl.relation_not_exist_skipping", a.table());
            }
            throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.relation_not_exist",
                a.table());
          }
          AccessCheck.requireOwner(db, ctx, def);
          ForeignKeys.checkAlter(def, a);
          return def;
        })).compose(found -> found instanceof StatementResult r ? Future.succeededFuture(r)
            : apply(a, (TableDef) found, ctx));
  }

  private Future<StatementResult> apply(AlterTable a, TableDef def, SessionContext ctx) {
    if (a.action() == AlterTable.Action.ALTER_TYPE) {
      return new ColumnRetype(db).apply(a, def, ctx);
    }
    if (a.action() == AlterTable.Action.ADD_COLUMN && a.added().defaultSql() != null
        && !a.added().serial()) {
      // existing rows get the default, evaluated by the engine once per row
      return db.blocking(() -> countRows(ctx.txn().storeTxn(), def)).compose(n -> n == 0
          ? Future.succeededFuture(null)
          : db.executor().queries().run("SELECT (" + a.added().defaultSql()
              + ") FROM generate_series(1, " + n + ")", ctx, List.of()))
          .compose(values -> db.blocking(() -> change(a, def, ctx, values)));
    }
    if (a.action() == AlterTable.Action.ADD_CHECK) {
      // existing rows must satisfy the new constraint
      TableDef probe = new TableShape(def).withCheck(new TableDef.Check("", a.check().sql()));
      return db.blocking(() -> rows(ctx.txn().storeTxn(), def, ctx))
          .compose(rows -> RowChecks.verify(db.executor().queries(), probe, rows, ctx)
              .recover(err -> Future.failedFuture(err instanceof SnapsyncException x
                  && DdlStates.CHECK_VIOLATION.equals(x.sqlState())
                  ? SnapsyncException.error(DdlStates.CHECK_VIOLATION,
                      "ddl.check_violated_by_row", CheckNames.choose(def.name(),
                          CheckNames.withColumn(a.check(), def), CheckNames.names(def.checks())),
                      def.name()) : err)))
          .compose(v -> db.blocking(() -> change(a, def, ctx, null)));
    }
    return db.blocking(() -> change(a, def, ctx, null));
  }

  private static List<List<Object>> rows(StoreTransaction t, TableDef def, SessionContext ctx) {
    List<List<Object>> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
        Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        ctx.checkCanceled();
        out.add(RowCodec.decode(it.next().value(), def.columns().size()));
      }
    }
    return out;
  }

  private StatementResult change(AlterTable a, TableDef def, SessionContext ctx,
      StatementResult fill) {
    TransactionBlock txn = ctx.txn();
    StoreTransaction t = txn.storeTxn();
    TableShape shape = new TableShape(def);
    int col = a.column() == null ? -1 : def.indexOf(a.column());
    switch (a.action()) {
      case ADD_COLUMN -> {
        if (def.indexOf(a.added().name()) >= 0) {
          if (a.actionIfExists()) {
            return notice(a, "ddl.column_exists_skipping", a.added().name(), def.name());
          }
          throw SnapsyncException.error(DdlStates.DUPLICATE_COLUMN, "ddl.column_exists",
              a.added().name(), def.name());
        }
        DdlStatement.ColumnSpec c = a.added();
        String dflt = c.serial() ? sequences.createOwned(t, def.name(), c.name(), c.type())
            : c.defaultSql();
        shape.add(new Column(c.name(), c.type(), c.typmod()), c.notNull(), dflt);
        TableDef next = shape.build();
        rewrite(t, txn, def, next, ctx, fill, -1);
        TableCatalog.put(t, next);
      }
      case DROP_COLUMN -> {
        if (col < 0) {
          if (a.actionIfExists()) {
            return notice(a, "ddl.column_not_exist_skipping", a.column(), def.name());
          }
          throw noColumn(a.column(), def);
        }
        if (def.key().contains(col)) {
          throw SnapsyncException.error(DdlStates.DEPENDENT_OBJECTS_STILL_EXIST,
              "ddl.drop_key_column", a.column(), def.name());
        }
        shape.drop(col);
        // as in PostgreSQL, the CHECK constraints that use the column go with it
        for (int k = def.checks().size() - 1; k >= 0; k--) {
          if (CheckNames.uses(def.checks().get(k).sql(), def, a.column())) {
            shape.dropCheck(k);
          }
        }
        TableDef next = shape.build();
        shape.droppedIndexes().forEach(ix -> IndexMaintenance.clear(t, txn, ix));
        rewrite(t, txn, def, next, ctx, null, col);
        TableCatalog.put(t, next);
      }
      case RENAME_COLUMN -> {
        if (col < 0) {
          throw noColumn(a.column(), def);
        }
        if (def.indexOf(a.newName()) >= 0) {
          throw SnapsyncException.error(DdlStates.DUPLICATE_COLUMN, "ddl.column_exists",
              a.newName(), def.name());
        }
        for (TableDef.Check ch : def.checks()) {
          if (CheckNames.uses(ch.sql(), def, a.column())) {
            // the constraint is kept as text: renaming would leave it naming the old column
            throw DdlParser.unsupported("RENAME COLUMN " + a.column() + " USED BY CHECK "
                + ch.name());
          }
        }
        shape.rename(col, a.newName());
        TableCatalog.put(t, shape.build());
      }
      case RENAME_TABLE -> {
        if (TableCatalog.find(t, a.newName()) != null || sequences.find(t, a.newName()) != null) {
          throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "ddl.relation_exists",
              a.newName());
        }
        byte[] old = Keys.table(def.name());
        t.delete(old);
        txn.markDeleted(old);
        sequences.renameOwner(t, def, a.newName());
        AclStore.Entry grants = AclStore.find(t, ObjectKind.TABLE, def.name());
        if (grants != null) {
          AclStore.forget(t, ObjectKind.TABLE, def.name());
          AclStore.put(t, ObjectKind.TABLE, a.newName(), grants);
        }
        shape.renameTable(a.newName());
        TableCatalog.put(t, shape.build());
      }
      case SET_DEFAULT, DROP_DEFAULT -> {
        if (col < 0) {
          throw noColumn(a.column(), def);
        }
        shape.setDefault(col, a.action() == AlterTable.Action.SET_DEFAULT ? a.defaultSql() : null);
        TableCatalog.put(t, shape.build());
      }
      case SET_NOT_NULL -> {
        if (col < 0) {
          throw noColumn(a.column(), def);
        }
        try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
            Keys.rowsTo(def.id()))) {
          while (it.hasNext()) {
            ctx.checkCanceled();
            if (RowCodec.decode(it.next().value(), def.columns().size()).get(col) == null) {
              throw SnapsyncException.error(SqlState.NOT_NULL_VIOLATION,
                  "ddl.column_contains_nulls", a.column(), def.name());
            }
          }
        }
        shape.setNotNull(col, true);
        TableCatalog.put(t, shape.build());
      }
      case DROP_NOT_NULL -> {
        if (col < 0) {
          throw noColumn(a.column(), def);
        }
        if (def.key().contains(col)) {
          throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION, "ddl.column_in_pk",
              a.column());
        }
        shape.setNotNull(col, false);
        TableCatalog.put(t, shape.build());
      }
      case ADD_CHECK -> {
        List<String> taken = CheckNames.names(def.checks());
        DdlStatement.CheckSpec spec = CheckNames.withColumn(a.check(), def);
        String name = CheckNames.choose(def.name(), spec, taken);
        if (taken.contains(name)) {
          throw SnapsyncException.error(SqlState.DUPLICATE_OBJECT, "ddl.constraint_exists", name,
              def.name());
        }
        shape.addCheck(new TableDef.Check(name, spec.sql()));
        TableCatalog.put(t, shape.build());
      }
      case ADD_PRIMARY_KEY, ADD_UNIQUE -> io.snapsync.core.sql.index.UniqueConstraints.add(t,
          def.name(), a.column(), a.keyColumns(), a.action() == AlterTable.Action.ADD_PRIMARY_KEY);
      case ADD_FOREIGN_KEY -> ForeignKeyAlter.add(db.store(), t, txn, def, a, ctx);
      default -> {
        ForeignKeyDef fk = ForeignKeyAlter.find(def, a.column());
        if (fk != null) {
          ForeignKeyAlter.drop(t, def, fk);
          return StatementResult.command(a.tag());
        }
        int k = CheckNames.names(def.checks()).indexOf(a.column());
        io.snapsync.core.sql.index.IndexDef backing = def.index(a.column());
        if (k < 0 && backing != null && backing.constraint()) {
          // a PRIMARY KEY or UNIQUE constraint: its index goes with it
          IndexMaintenance.clear(t, txn, backing);
          TableCatalog.put(t, def.withIndexes(def.indexes().stream()
              .filter(ix -> ix != backing).toList()));
          return StatementResult.command(a.tag());
        }
        if (k < 0) {
          if (a.actionIfExists()) {
            return notice(a, "ddl.constraint_not_exist_skipping", a.column(), def.name());
          }
          throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "ddl.constraint_not_exist",
              a.column(), def.name());
        }
        shape.dropCheck(k);
        TableCatalog.put(t, shape.build());
      }
    }
    return StatementResult.command(a.tag());
  }

  /** Rows in {@code next}'s shape: {@code dropped} removed, or {@code fill} appended. */
  private static void rewrite(StoreTransaction t, TransactionBlock txn, TableDef def,
      TableDef next, SessionContext ctx, StatementResult fill, int dropped) {
    if (dropped < 0 && fill == null) {
      if (next.isNotNull(next.columns().size() - 1) && countRows(t, def) > 0) {
        throw SnapsyncException.error(SqlState.NOT_NULL_VIOLATION, "ddl.column_contains_nulls",
            next.columns().get(next.columns().size() - 1).name(), def.name());
      }
      return; // shorter rows read with NULL in the new column
    }
    List<KeyValue> rows = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
        Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        ctx.checkCanceled();
        rows.add(it.next());
      }
    }
    Column added = next.columns().get(next.columns().size() - 1);
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = RowCodec.decode(rows.get(i).value(), def.columns().size());
      if (dropped >= 0) {
        row.remove(dropped);
      } else {
        Object v = fill.rows().get(i).get(0);
        Column from = fill.columns().get(0);
        row.add(v == null ? null : io.snapsync.core.sql.types.PgValues.assign(v, from.type(),
            added.type(), added.typmod(), java.time.ZoneOffset.UTC));
        if (row.get(row.size() - 1) == null && next.isNotNull(row.size() - 1)) {
          throw SnapsyncException.error(SqlState.NOT_NULL_VIOLATION,
              "ddl.column_contains_nulls", added.name(), def.name());
        }
      }
      t.put(rows.get(i).key(), RowCodec.encode(row));
    }
  }

  private static long countRows(StoreTransaction t, TableDef def) {
    long n = 0;
    try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
        Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  private static SnapsyncException noColumn(String column, TableDef def) {
    return SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "ddl.column_not_exist", column,
        def.name());
  }

  private static StatementResult notice(AlterTable a, String id, Object... args) {
    return new StatementResult(List.of(), List.of(), a.tag(),
        List.of(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, id, args)));
  }
}
