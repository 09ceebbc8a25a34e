package io.snapsync.core.sql.ddl;

import io.snapsync.core.sql.ddl.DdlStatement.AlterTable;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE ... ADD FOREIGN KEY (the existing rows validated as new rows are, 23503) and
 * DROP CONSTRAINT of a foreign key (from both tables' definitions). Blocking; stateless.
 */
final class ForeignKeyAlter {

  private ForeignKeyAlter() {
  }

  /**
   * The other table whose definition {@code a} changes (the referenced table of ADD FOREIGN
   * KEY, the other side of a dropped foreign key), or null.
   */
  static String other(StoreTransaction t, AlterTable a) {
    if (a.action() == AlterTable.Action.ADD_FOREIGN_KEY) {
      String ref = a.foreignKey().refTable();
      return ref.equals(a.table()) ? null : ref;
    }
    if (a.action() == AlterTable.Action.DROP_CONSTRAINT) {
      TableDef def = TableCatalog.find(t, a.table());
      ForeignKeyDef fk = def == null ? null : find(def, a.column());
      return fk == null || fk.refTable().equals(a.table()) ? null : fk.refTable();
    }
    return null;
  }

  /** The foreign key named {@code name} that {@code def}'s rows are checked by, or null. */
  static ForeignKeyDef find(TableDef def, String name) {
    for (ForeignKeyDef fk : def.foreignKeys()) {
      if (fk.name().equals(name) && fk.table().equals(def.name())) {
        return fk;
      }
    }
    return null;
  }

  /** ADD FOREIGN KEY: the constraint in both definitions, then every row checked. */
  static void add(Store store, StoreTransaction t, TransactionBlock txn, TableDef def,
      AlterTable a, SessionContext ctx) {
    TableDef now = ForeignKeys.create(t, def, List.of(a.foreignKey()));
    ForeignKeyDef added = now.foreignKeys().get(now.foreignKeys().size() - 1);
    TableDef probe = now.withForeignKeys(List.of(added));
    List<List<Object>> rows = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
        Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        ctx.checkCanceled();
        rows.add(RowCodec.decode(it.next().value(), def.columns().size()));
      }
    }
    ForeignKeyChecks.checkReferences(store, t, txn, probe, rows);
  }

  /** DROP CONSTRAINT {@code fk}: out of both tables' definitions. */
  static void drop(StoreTransaction t, TableDef def, ForeignKeyDef fk) {
    TableCatalog.put(t, def.withForeignKeys(def.foreignKeys().stream()
        .filter(f -> !f.equals(fk)).toList()));
    if (!fk.refTable().equals(def.name())) {
      TableDef parent = TableCatalog.find(t, fk.refTable());
      if (parent != null) {
        TableCatalog.put(t, parent.withForeignKeys(parent.foreignKeys().stream()
            .filter(f -> !f.equals(fk)).toList()));
      }
    }
  }
}
