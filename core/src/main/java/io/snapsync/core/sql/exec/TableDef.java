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
 * a composite key, encoded by {@link Keys#composite}) and its secondary indexes
 * ({@code indexes}, see {@link IndexDef}). Immutable; stored as JSON in the MVCC store so DDL
 * is transactional.
 */
public record TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull,
    List<Integer> key, List<IndexDef> indexes) {

  public TableDef {
    columns = List.copyOf(columns);
    notNull = List.copyOf(notNull);
    key = List.copyOf(key);
    indexes = List.copyOf(indexes);
  }

  /** A table without secondary indexes. */
  public TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull,
      List<Integer> key) {
    this(id, name, columns, pk, notNull, key, List.of());
  }

  /** The same table with secondary indexes {@code newIndexes}. */
  public TableDef withIndexes(List<IndexDef> newIndexes) {
    return new TableDef(id, name, columns, pk, notNull, key, newIndexes);
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

  /** A table keyed by column {@code pk}, or by hidden row ids when {@code pk} is -1. */
  public TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull) {
    this(id, name, columns, pk, notNull, pk < 0 ? List.of() : List.of(pk));
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

  public Column pkColumn() {
    return columns.get(pk);
  }

  byte[] toBytes() {
    JsonArray cols = new JsonArray();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      cols.add(new JsonObject().put("name", c.name()).put("type", c.type().name())
          .put("not_null", isNotNull(i)));
    }
    JsonObject j = new JsonObject().put("id", id).put("name", name).put("columns", cols)
        .put("pk", pk);
    if (key.size() > 1) {
      j.put("key", new JsonArray(new ArrayList<Object>(key)));
    }
    if (!indexes.isEmpty()) {
      JsonArray ix = new JsonArray();
      indexes.forEach(i -> ix.add(i.toJson()));
      j.put("indexes", ix);
    }
    return j.toBuffer().getBytes();
  }

  static TableDef fromBytes(byte[] b) {
    JsonObject j = new JsonObject(Buffer.buffer(b));
    List<Column> cols = new ArrayList<>();
    List<Boolean> notNull = new ArrayList<>();
    for (Object o : j.getJsonArray("columns")) {
      JsonObject c = (JsonObject) o;
      cols.add(new Column(c.getString("name"), DataType.valueOf(c.getString("type"))));
      notNull.add(c.getBoolean("not_null", false));
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
    return new TableDef(j.getLong("id"), j.getString("name"), cols, pk, notNull, key, indexes);
  }
}
