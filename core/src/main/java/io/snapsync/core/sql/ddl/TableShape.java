package io.snapsync.core.sql.ddl;

import io.snapsync.core.session.Column;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexDef;
import java.util.ArrayList;
import java.util.List;

/** A mutable copy of a {@link TableDef} that ALTER TABLE changes and builds anew. */
final class TableShape {

  private final long id;
  private String name;
  private final List<Column> columns;
  private final List<Boolean> notNull = new ArrayList<>();
  private final List<String> defaults;
  private final List<Integer> key;
  private final List<TableDef.Check> checks;
  private final String owner;
  private final List<IndexDef> indexes;
  private final List<IndexDef> droppedIndexes = new ArrayList<>();
  private final List<ForeignKeyDef> foreignKeys;
  private final Partitioning partitioning;

  TableShape(TableDef def) {
    this.id = def.id();
    this.name = def.name();
    this.columns = new ArrayList<>(def.columns());
    for (int i = 0; i < columns.size(); i++) {
      notNull.add(def.isNotNull(i));
    }
    this.defaults = new ArrayList<>(def.defaults());
    this.key = new ArrayList<>(def.key());
    this.checks = new ArrayList<>(def.checks());
    this.owner = def.owner();
    this.indexes = new ArrayList<>(def.indexes());
    this.foreignKeys = def.foreignKeys();
    this.partitioning = def.partitioning();
  }

  void add(Column c, boolean notNullable, String defaultSql) {
    columns.add(c);
    notNull.add(notNullable);
    defaults.add(defaultSql);
  }

  void drop(int col) {
    columns.remove(col);
    notNull.remove(col);
    defaults.remove(col);
    key.replaceAll(k -> k > col ? k - 1 : k);
    // as in PostgreSQL, an index on the dropped column goes with it; the others shift
    for (int i = indexes.size() - 1; i >= 0; i--) {
      IndexDef ix = indexes.get(i);
      if (ix.columns().contains(col)) {
        droppedIndexes.add(indexes.remove(i));
      } else {
        indexes.set(i, new IndexDef(ix.name(), ix.id(), ix.columns().stream()
            .map(c -> c > col ? c - 1 : c).toList(), ix.descending(), ix.nullsFirst(),
            ix.unique(), ix.primary(), ix.constraint(), ix.predicate()));
      }
    }
  }

  /** The indexes {@link #drop} removed with their column (their entries are the caller's). */
  List<IndexDef> droppedIndexes() {
    return droppedIndexes;
  }

  void rename(int col, String newName) {
    Column c = columns.get(col);
    columns.set(col, new Column(newName, c.type(), c.typmod()));
  }

  /** ALTER COLUMN TYPE: the column's new type (its rows are the caller's). */
  void retype(int col, io.snapsync.core.session.DataType type, int typmod) {
    columns.set(col, new Column(columns.get(col).name(), type, typmod));
  }

  void renameTable(String newName) {
    this.name = newName;
  }

  void setDefault(int col, String sql) {
    defaults.set(col, sql);
  }

  void setNotNull(int col, boolean value) {
    notNull.set(col, value);
  }

  void addCheck(TableDef.Check c) {
    checks.add(c);
  }

  void dropCheck(int k) {
    checks.remove(k);
  }

  /** The definition with only {@code check} as its CHECK constraint (nothing else changed). */
  TableDef withCheck(TableDef.Check check) {
    checks.clear();
    checks.add(check);
    return build();
  }

  TableDef build() {
    return new TableDef(id, name, columns, key.size() == 1 ? key.get(0) : -1, notNull, key,
        defaults, checks, owner, indexes, foreignKeys, partitioning);
  }
}
