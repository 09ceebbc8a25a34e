package io.snapsync.core.sql.index;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps a table's index entries in step with its rows, in the row's own transaction, so every
 * snapshot sees an index consistent with the table. The write paths call {@link #lockKeys}
 * before they lock (a unique entry key is locked like a row, so a second writer of the same
 * values waits for the first's outcome, as in PostgreSQL) and {@link #write} once the row is
 * written. Stateless and thread-safe.
 */
public final class IndexMaintenance {

  private IndexMaintenance() {
  }

  /** The index column values of {@code row} for {@code ix}. */
  public static List<Object> values(IndexDef ix, List<Object> row) {
    List<Object> v = new ArrayList<>(ix.columns().size());
    for (int c : ix.columns()) {
      v.add(row.get(c));
    }
    return v;
  }

  /**
   * The unique-entry keys a change of a row from {@code oldRow} to {@code newRow} (either may
   * be null) writes; the caller locks them with the row's key.
   */
  public static List<byte[]> lockKeys(TableDef def, List<Object> oldRow, List<Object> newRow) {
    List<byte[]> keys = new ArrayList<>();
    for (IndexDef ix : def.indexes()) {
      if (!ix.unique()) {
        continue;
      }
      for (List<Object> row : Arrays.asList(oldRow, newRow)) {
        if (row != null) {
          List<Object> v = values(ix, row);
          if (!v.contains(null)) {
            keys.add(IndexKeys.prefix(ix, v));
          }
        }
      }
    }
    return keys;
  }

  /**
   * Replaces the entries of the row {@code oldKey}/{@code oldRow} (null for an insert) by those
   * of {@code newKey}/{@code newRow} (null for a delete); fails with 23505 when a unique
   * index already holds the new values for another row. Blocking.
   */
  public static void write(StoreTransaction t, TransactionBlock txn, TableDef def, byte[] oldKey,
      List<Object> oldRow, byte[] newKey, List<Object> newRow) {
    for (IndexDef ix : def.indexes()) {
      byte[] before = oldRow == null ? null : IndexKeys.entry(ix, values(ix, oldRow), oldKey);
      byte[] after = newRow == null ? null : IndexKeys.entry(ix, values(ix, newRow), newKey);
      if (before != null && after != null && Arrays.equals(before, after)
          && Arrays.equals(oldKey, newKey)) {
        continue;
      }
      if (before != null) {
        t.delete(before);
        txn.markDeleted(before);
      }
      if (after != null) {
        if (ix.unique() && taken(t, txn, after)) {
          throw violation(def, ix, newRow);
        }
        t.put(after, IndexKeys.entryValue(newKey, values(ix, newRow)));
      }
    }
  }

  /** Deletes every entry of {@code row} (DROP TABLE, TRUNCATE). Blocking. */
  public static void delete(StoreTransaction t, TransactionBlock txn, TableDef def, byte[] key,
      List<Object> row) {
    write(t, txn, def, key, row, null, null);
  }

  /** Deletes every entry of every index of {@code def} that {@code t} sees (TRUNCATE, DROP). */
  public static void clear(StoreTransaction t, TransactionBlock txn, TableDef def) {
    for (IndexDef ix : def.indexes()) {
      clear(t, txn, ix);
    }
  }

  /** Deletes every entry of {@code ix} that {@code t} sees. Blocking. */
  public static void clear(StoreTransaction t, TransactionBlock txn, IndexDef ix) {
    List<byte[]> keys = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(IndexKeys.from(ix.id()), IndexKeys.to(ix.id()))) {
      while (it.hasNext()) {
        keys.add(it.next().key());
      }
    }
    for (byte[] k : keys) {
      t.delete(k);
      txn.markDeleted(k);
    }
  }

  /**
   * True when the entry key is held by a row the check sees: the re-check snapshot, or under a
   * snapshot per transaction also the newest committed version (PostgreSQL checks uniqueness
   * against committed rows whatever the snapshot).
   */
  static boolean taken(StoreTransaction t, TransactionBlock txn, byte[] entry) {
    return t.get(entry) != null
        || (t.latestCommitted(entry) != null && !txn.wasDeleted(entry));
  }

  /** 23505 {@code duplicate key value violates unique constraint "name"} with its DETAIL. */
  public static SnapsyncException violation(TableDef def, IndexDef ix, List<Object> row) {
    return SnapsyncException.error(SqlState.UNIQUE_VIOLATION, "sql.unique_violation", ix.name())
        .withDetail("sql.unique_violation.detail", columnNames(def, ix), valueText(ix, row));
  }

  static String columnNames(TableDef def, IndexDef ix) {
    return ix.columns().stream().map(c -> def.columns().get(c).name())
        .collect(Collectors.joining(", "));
  }

  static String valueText(IndexDef ix, List<Object> row) {
    return values(ix, row).stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
