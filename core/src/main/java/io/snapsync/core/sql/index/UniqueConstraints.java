package io.snapsync.core.sql.index;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PRIMARY KEY and UNIQUE constraints added to an existing table ({@code ALTER TABLE ... ADD
 * PRIMARY KEY | UNIQUE}, {@code UNIQUE} column constraints): a unique index named after the
 * constraint, built over the existing rows, and for a primary key NOT NULL on its columns.
 * Rows keep their storage key; the index enforces the constraint. Blocking; the caller holds
 * the table definition's lock and runs inside the DDL's transaction.
 */
public final class UniqueConstraints {

  private UniqueConstraints() {
  }

  /**
   * Adds the constraint {@code constraintName} on {@code columns} of {@code table}, writes the
   * new table definition through {@code t} and returns it. Fails with 42P01, 42703, 42P07
   * (name taken), 42P16 (a second primary key), 23502 (NULLs under a primary key) or 23505
   * (duplicate values), as PostgreSQL.
   */
  public static TableDef add(StoreTransaction t, String table, String constraintName,
      List<String> columns, boolean primary) {
    TableDef def = TableCatalog.require(t, table);
    if (primary && (!def.hiddenKey() || def.indexes().stream().anyMatch(IndexDef::primary))) {
      throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION, "index.multiple_primary_keys", def.name());
    }
    if (IndexBuilder.relationNames(t).contains(constraintName)) {
      throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "index.relation_exists",
          constraintName);
    }
    List<Integer> cols = new ArrayList<>();
    for (String c : columns) {
      int i = def.indexOf(c);
      if (i < 0) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "index.column_not_exist", c);
      }
      cols.add(i);
    }
    if (primary) {
      def = withNotNull(t, def, cols);
    }
    List<Boolean> no = Collections.nCopies(cols.size(), false);
    IndexDef ix = new IndexDef(constraintName, IndexBuilder.newId(), cols, no, no, true, primary,
        true, null);
    IndexBuilder.build(t, def, ix, () -> { });
    List<IndexDef> all = new ArrayList<>(def.indexes());
    all.add(ix);
    TableDef updated = def.withIndexes(all);
    TableCatalog.put(t, updated);
    return updated;
  }

  /** {@code def} with {@code cols} NOT NULL; 23502 when a row holds NULL in one of them. */
  private static TableDef withNotNull(StoreTransaction t, TableDef def, List<Integer> cols) {
    int width = def.columns().size();
    try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()), Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        List<Object> row = RowCodec.decode(it.next().value(), width);
        for (int c : cols) {
          if (row.get(c) == null) {
            throw SnapsyncException.error(SqlState.NOT_NULL_VIOLATION,
                "index.column_contains_nulls", def.columns().get(c).name(), def.name());
          }
        }
      }
    }
    List<Boolean> notNull = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      notNull.add(def.isNotNull(i) || cols.contains(i));
    }
    return def.withNotNull(notNull);
  }
}
