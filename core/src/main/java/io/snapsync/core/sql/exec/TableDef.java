package io.snapsync.core.sql.exec;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.index.IndexDef;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A user table: its id (prefix of its row keys), name, columns, its single primary-key column
 * ({@code pk}; -1 when the key is not one column), the columns declared NOT NULL (key columns
 * always are) and the primary-key columns in key order ({@code key}: empty for a table without
 * a primary key, whose rows are keyed by a hidden row id, see {@link RowIds}; two or more for
 * a composite key, encoded by {@link Keys#composite}), each column's DEFAULT expression (SQL
 * text, null for none), the table's CHECK constraints and its owner (the role that created it;
 * null for a table created before owners were recorded) and its secondary indexes
 * ({@code indexes}, see {@link IndexDef}). Immutable; stored as JSON in the MVCC store so DDL is
 * transactional.
 */
public record TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull,
    List<Integer> key, List<String> defaults, List<Check> checks, String owner,
    List<IndexDef> indexes, List<io.snapsync.core.sql.ddl.ForeignKeyDef> foreignKeys,
    io.snapsync.core.sql.ddl.Partitioning partitioning) {

  /**
   * A CHECK constraint: its name ({@code t_col_check}, {@code t_check} or the one given) and
   * its boolean expression as SQL text over the table's columns.
   */
  public record Check(String name, String sql) {
  }

  public TableDef {
    columns = List.copyOf(columns);
    notNull = List.copyOf(notNull);
    key = List.copyOf(key);
    List<String> d = new ArrayList<>(defaults);
    while (d.size() < columns.size()) {
      d.add(null);
    }
    defaults = java.util.Collections.unmodifiableList(d);
    checks = List.copyOf(checks);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
    if (partitioning != null && partitioning.empty()) {
      partitioning = null;
    }
  }

  /** A table in no partitioning or inheritance. */
  public TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull,
      List<Integer> key, List<String> defaults, List<Check> checks, String owner,
      List<IndexDef> indexes, List<io.snapsync.core.sql.ddl.ForeignKeyDef> foreignKeys) {
    this(id, name, columns, pk, notNull, key, defaults, checks, owner, indexes, foreignKeys,
        null);
  }

  /** A table in no FOREIGN KEY constraint. */
  public TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull,
      List<Integer> key, List<String> defaults, List<Check> checks, String owner,
      List<IndexDef> indexes) {
    this(id, name, columns, pk, notNull, key, defaults, checks, owner, indexes, List.of());
  }

  /** A table without secondary indexes. */
  public TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull,
      List<Integer> key, List<String> defaults, List<Check> checks, String owner) {
    this(id, name, columns, pk, notNull, key, defaults, checks, owner, List.of());
  }

  /** A table without a recorded owner. */
  public TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull,
      List<Integer> key, List<String> defaults, List<Check> checks) {
    this(id, name, columns, pk, notNull, key, defaults, checks, null);
  }

  /** A table without defaults or CHECK constraints. */
  public TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull,
      List<Integer> key) {
    this(id, name, columns, pk, notNull, key, List.of(), List.of());
  }

  /** A table keyed by column {@code pk}, or by hidden row ids when {@code pk} is -1. */
  public TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull) {
    this(id, name, columns, pk, notNull, pk < 0 ? List.of() : List.of(pk));
  }

  /** The same table owned by {@code owner}. */
  public TableDef withOwner(String owner) {
    return new TableDef(id, name, columns, pk, notNull, key, defaults, checks, owner, indexes,
        foreignKeys, partitioning);
  }

  /** The same table with secondary indexes {@code newIndexes}. */
  public TableDef withIndexes(List<IndexDef> newIndexes) {
    return new TableDef(id, name, columns, pk, notNull, key, defaults, checks, owner, newIndexes,
        foreignKeys, partitioning);
  }

  /** The same table with NOT NULL flags {@code newNotNull} (everything else kept). */
  public TableDef withNotNull(List<Boolean> newNotNull) {
    return new TableDef(id, name, columns, pk, newNotNull, key, defaults, checks, owner, indexes,
        foreignKeys, partitioning);
  }

  /** The same table in the FOREIGN KEY constraints {@code fks} (both directions). */
  public TableDef withForeignKeys(List<io.snapsync.core.sql.ddl.ForeignKeyDef> fks) {
    return new TableDef(id, name, columns, pk, notNull, key, defaults, checks, owner, indexes,
        fks, partitioning);
  }

  /** The same table placed in partitions / inheritance by {@code p} (null: none). */
  public TableDef withPartitioning(io.snapsync.core.sql.ddl.Partitioning p) {
    return new TableDef(id, name, columns, pk, notNull, key, defaults, checks, owner, indexes,
        foreignKeys, p);
  }

  /** True for a partitioned table (its rows are in its partitions). */
  public boolean partitioned() {
    return partitioning != null && partitioning.partitioned();
  }

  /** The secondary index named {@code indexName}, or null. */
  public IndexDef index(String indexName) {
    for (IndexDef i : indexes) {
      if (i.name().equals(indexName)) {
        return i;
      }
    }
    return null;
  }

  /** True when column {@code i} rejects NULL. */
  public boolean isNotNull(int i) {
    return i == pk || key.contains(i) || (i < notNull.size() && notNull.get(i));
  }

  /** True for a table without a primary key: rows are keyed by a hidden {@link RowIds} id. */
  public boolean hiddenKey() {
    return key.isEmpty();
  }

  /** Column index by name, or -1. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  /** The SQL text of column {@code i}'s DEFAULT expression, or null for none. */
  public String defaultOf(int i) {
    return defaults.get(i);
  }

  public Column pkColumn() {
    return columns.get(pk);
  }

  byte[] toBytes() {
    JsonArray cols = new JsonArray();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      JsonObject col = new JsonObject().put("name", c.name()).put("type", c.type().name())
          .put("not_null", isNotNull(i));
      if (c.typmod() >= 0) {
        col.put("typmod", c.typmod());
      }
      if (defaults.get(i) != null) {
        col.put("default", defaults.get(i));
      }
      cols.add(col);
    }
    JsonObject j = new JsonObject().put("id", id).put("name", name).put("columns", cols)
        .put("pk", pk);
    if (key.size() > 1) {
      j.put("key", new JsonArray(new ArrayList<Object>(key)));
    }
    if (!checks.isEmpty()) {
      JsonArray cs = new JsonArray();
      checks.forEach(ch -> cs.add(new JsonObject().put("name", ch.name()).put("sql", ch.sql())));
      j.put("checks", cs);
    }
    if (owner != null) {
      j.put("owner", owner);
    }
    if (!indexes.isEmpty()) {
      JsonArray ix = new JsonArray();
      indexes.forEach(i -> ix.add(i.toJson()));
      j.put("indexes", ix);
    }
    if (!foreignKeys.isEmpty()) {
      JsonArray fk = new JsonArray();
      foreignKeys.forEach(f -> fk.add(f.toJson()));
      j.put("foreign_keys", fk);
    }
    if (partitioning != null) {
      j.put("partitioning", partitioning.toJson());
    }
    return j.toBuffer().getBytes();
  }

  static TableDef fromBytes(byte[] b) {
    JsonObject j = new JsonObject(Buffer.buffer(b));
    List<Column> cols = new ArrayList<>();
    List<Boolean> notNull = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    for (Object o : j.getJsonArray("columns")) {
      JsonObject c = (JsonObject) o;
      cols.add(new Column(c.getString("name"), DataType.valueOf(c.getString("type")),
          c.getInteger("typmod", -1)));
      notNull.add(c.getBoolean("not_null", false));
      defaults.add(c.getString("default"));
    }
    List<Check> checks = new ArrayList<>();
    if (j.containsKey("checks")) {
      for (Object o : j.getJsonArray("checks")) {
        JsonObject c = (JsonObject) o;
        checks.add(new Check(c.getString("name"), c.getString("sql")));
      }
    }
    int pk = j.getInteger("pk");
    List<Integer> key = new ArrayList<>();
    if (j.containsKey("key")) {
      j.getJsonArray("key").forEach(k -> key.add(((Number) k).intValue()));
    } else if (pk >= 0) {
      key.add(pk);
    }
    List<IndexDef> indexes = new ArrayList<>();
    if (j.containsKey("indexes")) {
      j.getJsonArray("indexes").forEach(i -> indexes.add(IndexDef.fromJson((JsonObject) i)));
    }
    List<io.snapsync.core.sql.ddl.ForeignKeyDef> fks = new ArrayList<>();
    if (j.containsKey("foreign_keys")) {
      j.getJsonArray("foreign_keys").forEach(f -> fks.add(
          io.snapsync.core.sql.ddl.ForeignKeyDef.fromJson((JsonObject) f)));
    }
    return new TableDef(j.getLong("id"), j.getString("name"), cols, pk, notNull, key, defaults,
        checks, j.getString("owner"), indexes, fks, j.containsKey("partitioning")
            ? io.snapsync.core.sql.ddl.Partitioning.fromJson(j.getJsonObject("partitioning"))
            : null);
  }
}
