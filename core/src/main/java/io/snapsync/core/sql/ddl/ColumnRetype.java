package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.catalog.CatalogText;
import io.snapsync.core.sql.ddl.DdlStatement.AlterTable;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.RowModifier;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexMaintenance;
import io.snapsync.core.sql.types.PgValues;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ALTER TABLE ... ALTER COLUMN c [SET DATA] TYPE t [USING expr]: every row the transaction sees
 * is rewritten with the column's new value (the old value's assignment cast, or USING's value
 * evaluated by the engine over the old row, then assigned), the row keys and index entries
 * with it, and the new definition written; all in the transaction, so older snapshots keep
 * reading the old shape and rows. 42804 as PostgreSQL when no assignment cast exists.
 */
final class ColumnRetype {

  private final Database db;

  ColumnRetype(Database db) {
    this.db = db;
  }

  /** A row as stored: its key and values. */
  private record Stored(byte[] key, List<Object> row) {
  }

  Future<StatementResult> apply(AlterTable a, TableDef def, SessionContext ctx) {
    int col = def.indexOf(a.column());
    if (col < 0) {
      return Future.failedFuture(SnapsyncException.error(SqlState.UNDEFINED_COLUMN,
          "ddl.column_not_exist", a.column(), def.name()));
    }
    DataType to = a.newType().type();
    return db.blocking(() -> rows(ctx.txn().storeTxn(), def, ctx)).compose(rows -> {
      Column from = def.columns().get(col);
      if (a.usingSql() == null) {
        if (from.type() != to && !PgValues.assignmentCastAllowed(from.type(), to)) {
          return Future.failedFuture(SnapsyncException.error(SqlState.DATATYPE_MISMATCH,
              "ddl.alter_type_no_cast", a.column(), to.sqlName()).withHint(
              "ddl.alter_type_no_cast.hint", CatalogText.quoteIdent(a.column()),
              CatalogText.formatType(to.oid(), a.newType().typmod())));
        }
        List<Object> values = new ArrayList<>(rows.size());
        rows.forEach(r -> values.add(r.row().get(col)));
        return Future.succeededFuture(new Values(from.type(), values, rows));
      }
      return using(a, def, rows, ctx);
    }).compose(values -> db.blocking(() -> write(a, def, col, values, ctx)));
  }

  /** New values of {@code rows} before their assignment to the new type, and their type. */
  private record Values(DataType type, List<Object> values, List<Stored> rows) {
  }

  private Future<Values> using(AlterTable a, TableDef def, List<Stored> rows,
      SessionContext ctx) {
    String select = "(" + a.usingSql() + ")";
    Future<DataType> type = db.blocking(() -> db.executor().queries().describe(
        RowChecks.over(def, 1, select), ctx).get(0).type());
    return type.compose(t -> {
      if (t != a.newType().type() && !PgValues.assignmentCastAllowed(t, a.newType().type())) {
        return Future.failedFuture(SnapsyncException.error(SqlState.DATATYPE_MISMATCH,
            "ddl.alter_type_using_no_cast", a.column(), a.newType().type().sqlName())
            .withHint("ddl.alter_type_using_no_cast.hint"));
      }
      return batch(a, def, select, rows, 0, new ArrayList<>(rows.size()), ctx)
          .map(v -> new Values(t, v, rows));
    });
  }

  private Future<List<Object>> batch(AlterTable a, TableDef def, String select,
      List<Stored> rows, int from, List<Object> out, SessionContext ctx) {
    if (from >= rows.size()) {
      return Future.succeededFuture(out);
    }
    int to = Math.min(rows.size(), from + RowChecks.BATCH);
    List<List<Object>> part = rows.subList(from, to).stream().map(Stored::row).toList();
    return db.executor().queries().run(RowChecks.over(def, to - from, select), ctx,
        RowChecks.params(def, part)).compose(r -> {
          r.rows().forEach(v -> out.add(v.get(0)));
          return batch(a, def, select, rows, to, out, ctx);
        });
  }

  private static List<Stored> rows(StoreTransaction t, TableDef def, SessionContext ctx) {
    List<Stored> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
        Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        ctx.checkCanceled();
        KeyValue kv = it.next();
        out.add(new Stored(kv.key(), RowCodec.decode(kv.value(), def.columns().size())));
      }
    }
    return out;
  }

  private StatementResult write(AlterTable a, TableDef def, int col, Values values,
      SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    StoreTransaction t = txn.storeTxn();
    TableShape shape = new TableShape(def);
    shape.retype(col, a.newType().type(), a.newType().typmod());
    TableDef next = shape.build();
    List<Stored> rows = values.rows(); // read under the table's ACCESS EXCLUSIVE lock
    boolean keyed = !def.hiddenKey() && def.key().contains(col);
    for (int i = 0; i < rows.size(); i++) {
      ctx.checkCanceled();
      Stored old = rows.get(i);
      Object v = values.values().get(i);
      List<Object> row = new ArrayList<>(old.row());
      row.set(col, v == null ? null : PgValues.assign(v, values.type(), a.newType().type(),
          a.newType().typmod(), ZoneOffset.UTC));
      if (row.get(col) == null && next.isNotNull(col)) {
        throw SnapsyncException.error(SqlState.NOT_NULL_VIOLATION, "ddl.column_contains_nulls",
            a.column(), def.name());
      }
      byte[] key = keyed ? RowModifier.key(next, row) : old.key();
      if (!Arrays.equals(key, old.key())) {
        t.delete(old.key());
        txn.markDeleted(old.key());
      }
      t.put(key, RowCodec.encode(row));
      IndexMaintenance.write(t, txn, next, old.key(), old.row(), key, row);
    }
    TableCatalog.put(t, next);
    return StatementResult.command(a.tag());
  }
}
