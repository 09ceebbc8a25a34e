package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Column;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.RowModifier;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexDef;
import io.snapsync.core.sql.index.IndexKeys;
import io.snapsync.core.sql.index.IndexMaintenance;
import io.snapsync.core.sql.types.PgValues;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreTransaction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enforces FOREIGN KEY constraints (NO ACTION / RESTRICT, MATCH SIMPLE) in the write path, at
 * the end of each statement's writes. A referencing row locks the referenced row's key (or its
 * unique entry) before its write, as PostgreSQL's FOR KEY SHARE does, so a concurrent delete
 * of the referenced row waits for it; both sides then look at the newest committed rows and
 * the transaction's own writes, so neither a REPEATABLE READ snapshot nor a concurrent
 * transaction hides a reference. Blocking; stateless.
 */
public final class ForeignKeyChecks {

  private ForeignKeyChecks() {
  }

  /** Whether rows written to {@code def} reference another row. */
  public static boolean references(TableDef def) {
    return def.foreignKeys().stream().anyMatch(fk -> fk.references(def.name()));
  }

  /** The keys a writer of {@code rows} into {@code def} locks first (the referenced rows). */
  public static List<byte[]> lockKeys(StoreTransaction t, TableDef def, List<List<Object>> rows) {
    List<byte[]> keys = new ArrayList<>();
    for (ForeignKeyDef fk : def.foreignKeys()) {
      if (!fk.references(def.name())) {
        continue;
      }
      TableDef parent = parent(t, def, fk);
      for (List<Object> row : rows) {
        List<Object> values = referenced(def, parent, fk, row);
        if (values != null) {
          keys.add(target(parent, fk, values).from);
        }
      }
    }
    return keys;
  }

  /** 23503 when one of {@code rows} (new rows of {@code def}) references no row. */
  public static void checkReferences(Store store, StoreTransaction t, TransactionBlock txn,
      TableDef def, List<List<Object>> rows) {
    checkReferences(store, t, txn, def, java.util.Collections.nCopies(rows.size(), null), rows);
  }

  /**
   * {@link #checkReferences} for updated rows: as in PostgreSQL, a row whose referencing
   * columns kept their values ({@code oldRows}' entry, null for a new row) is not checked.
   */
  public static void checkReferences(Store store, StoreTransaction t, TransactionBlock txn,
      TableDef def, List<List<Object>> oldRows, List<List<Object>> rows) {
    for (ForeignKeyDef fk : def.foreignKeys()) {
      if (!fk.references(def.name())) {
        continue;
      }
      TableDef parent = parent(t, def, fk);
      for (int i = 0; i < rows.size(); i++) {
        List<Object> row = rows.get(i);
        if (row == null || (oldRows.get(i) != null
            && pick(oldRows.get(i), fk.columns()).equals(pick(row, fk.columns())))) {
          continue;
        }
        List<Object> values = referenced(def, parent, fk, row);
        if (values != null && !exists(store, t, txn, target(parent, fk, values))) {
          throw SnapsyncException.error(DdlStates.FOREIGN_KEY_VIOLATION,
              "ddl.fk_insert_violation", Names.relname(def.name()), fk.name()).withDetail(
              "ddl.fk_insert_violation.detail", names(def, fk.columns()),
              text(def, fk.columns(), row), Names.relname(parent.name()));
        }
      }
    }
  }

  /**
   * 23503 when a row of {@code def} that {@code oldRows} held (deleted, or updated to
   * {@code newRows}' values; null entries for a delete) is still referenced.
   */
  public static void checkReferenced(Store store, StoreTransaction t, TransactionBlock txn,
      TableDef def, List<List<Object>> oldRows, List<List<Object>> newRows) {
    checkReferenced(store, t, txn, def, oldRows, newRows, false);
  }

  /**
   * The checks of {@link #checkReferenced} left for after the referential actions of the
   * statement ran ({@link ForeignKeyActions}): as in PostgreSQL, only RESTRICT is checked
   * before them; NO ACTION (and a SET DEFAULT whose default still references the row) after.
   */
  public static void checkReferencedAfterActions(Store store, StoreTransaction t,
      TransactionBlock txn, TableDef def, List<List<Object>> oldRows,
      List<List<Object>> newRows) {
    checkReferenced(store, t, txn, def, oldRows, newRows, true);
  }

  private static boolean checkedNow(TableDef def, ForeignKeyDef fk, boolean delete,
      boolean afterActions) {
    String action = delete ? fk.onDelete() : fk.onUpdate();
    if (!ForeignKeyActions.any(def)) {
      return !afterActions && !ForeignKeyActions.acts(fk, delete);
    }
    return afterActions != "RESTRICT".equals(action);
  }

  private static void checkReferenced(Store store, StoreTransaction t, TransactionBlock txn,
      TableDef def, List<List<Object>> oldRows, List<List<Object>> newRows,
      boolean afterActions) {
    for (ForeignKeyDef fk : def.foreignKeys()) {
      if (!fk.refTable().equals(def.name())) {
        continue;
      }
      TableDef child = fk.table().equals(def.name()) ? def : TableCatalog.find(t, fk.table());
      if (child == null) {
        continue;
      }
      for (int i = 0; i < oldRows.size(); i++) {
        List<Object> old = oldRows.get(i);
        List<Object> now = newRows.get(i);
        List<Object> key = pick(old, fk.refColumns());
        if (key.contains(null) || (now != null && key.equals(pick(now, fk.refColumns())))
            || !checkedNow(def, fk, now == null, afterActions)) {
          continue;
        }
        if (referencing(store, t, txn, child, def, fk, key)) {
          throw SnapsyncException.error(DdlStates.FOREIGN_KEY_VIOLATION,
              "ddl.fk_delete_violation", Names.relname(def.name()), fk.name(),
              Names.relname(child.name())).withDetail(
              "ddl.fk_delete_violation.detail", names(def, fk.refColumns()),
              text(def, fk.refColumns(), old), Names.relname(child.name()));
        }
      }
    }
  }

  private static TableDef parent(StoreTransaction t, TableDef def, ForeignKeyDef fk) {
    return fk.refTable().equals(def.name()) ? def : TableCatalog.require(t, fk.refTable());
  }

  /** A key range: its first key and the end of the range (null: a point key). */
  private record Target(byte[] from, byte[] to) {
  }

  private static Target target(TableDef parent, ForeignKeyDef fk, List<Object> values) {
    List<Object> row = new ArrayList<>();
    for (int c = 0; c < parent.columns().size(); c++) {
      row.add(null);
    }
    for (int i = 0; i < values.size(); i++) {
      row.set(fk.refColumns().get(i), values.get(i));
    }
    if (!parent.hiddenKey() && new java.util.HashSet<>(parent.key())
        .equals(new java.util.HashSet<>(fk.refColumns()))) {
      return new Target(RowModifier.key(parent, row), null);
    }
    IndexDef ix = ForeignKeys.uniqueIndex(parent, fk.refColumns());
    byte[] prefix = IndexKeys.prefix(ix, IndexMaintenance.values(ix, row));
    return new Target(prefix, IndexKeys.prefixEnd(prefix));
  }

  /** The referencing values of {@code row} in the referenced columns' types; null if any NULL. */
  private static List<Object> referenced(TableDef def, TableDef parent, ForeignKeyDef fk,
      List<Object> row) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < fk.columns().size(); i++) {
      Object v = row.get(fk.columns().get(i));
      if (v == null) {
        return null;
      }
      Column from = def.columns().get(fk.columns().get(i));
      Column to = parent.columns().get(fk.refColumns().get(i));
      out.add(from.type() == to.type() ? v
          : PgValues.assign(v, from.type(), to.type(), to.typmod(), ZoneOffset.UTC));
    }
    return out;
  }

  /**
   * Whether this transaction sees a row in range {@code k}; REPEATABLE READ also counts one
   * committed after its snapshot (READ COMMITTED re-took its snapshot after the row locks).
   */
  private static boolean exists(Store store, StoreTransaction t, TransactionBlock txn,
      Target k) {
    boolean perTxn = txn.isolation().snapshotPerTransaction();
    if (k.to() == null) {
      return t.get(k.from()) != null
          || (perTxn && t.latestCommitted(k.from()) != null && !txn.wasDeleted(k.from()));
    }
    if (any(t, t, txn, k)) {
      return true;
    }
    return perTxn && latest(store, view -> any(view, t, txn, k));
  }

  private static boolean latest(Store store, java.util.function.Predicate<StoreTransaction> p) {
    StoreTransaction view = store.begin();
    try {
      return p.test(view);
    } finally {
      view.rollback();
    }
  }

  /**
   * Whether {@code view} holds an entry in range; in a newest-committed view only one this
   * transaction neither deleted nor sees itself (its own view decided those).
   */
  private static boolean any(StoreTransaction view, StoreTransaction own, TransactionBlock txn,
      Target k) {
    try (CloseableIterator<KeyValue> it = view.scan(k.from(), k.to())) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        byte[] rowKey = (byte[]) RowCodec.decode(kv.value(), 1).get(0);
        if (view == own || (!txn.wasDeleted(rowKey) && own.get(kv.key()) == null)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a row of {@code child} references {@code key} (as {@link #exists} sees rows). */
  private static boolean referencing(Store store, StoreTransaction t, TransactionBlock txn,
      TableDef child, TableDef parent, ForeignKeyDef fk, List<Object> key) {
    if (scan(t, t, txn, child, parent, fk, key)) {
      return true;
    }
    return txn.isolation().snapshotPerTransaction()
        && latest(store, view -> scan(view, t, txn, child, parent, fk, key));
  }

  private static boolean scan(StoreTransaction view, StoreTransaction own, TransactionBlock txn,
      TableDef child, TableDef parent, ForeignKeyDef fk, List<Object> key) {
    try (CloseableIterator<KeyValue> it = view.scan(Keys.rowsFrom(child.id()),
        Keys.rowsTo(child.id()))) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        List<Object> row = RowCodec.decode(kv.value(), child.columns().size());
        if (Objects.equals(referenced(child, parent, fk, row), key) && (view == own
            || (!txn.wasDeleted(kv.key()) && own.get(kv.key()) == null))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Object> pick(List<Object> row, List<Integer> cols) {
    List<Object> out = new ArrayList<>(cols.size());
    cols.forEach(c -> out.add(row.get(c)));
    return out;
  }

  private static String names(TableDef def, List<Integer> cols) {
    return cols.stream().map(c -> def.columns().get(c).name()).collect(Collectors.joining(", "));
  }

  private static String text(TableDef def, List<Integer> cols, List<Object> row) {
    return cols.stream().map(c -> row.get(c) == null ? "null"
        : PgValues.toText(row.get(c), def.columns().get(c).type(), ZoneOffset.UTC))
        .collect(Collectors.joining(", "));
  }
}
