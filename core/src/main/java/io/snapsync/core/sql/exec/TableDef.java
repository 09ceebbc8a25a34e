package io.snapsync.core.sql.exec;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A user table: its id (prefix of its row keys), name, columns, primary-key column ({@code
 * pk}; -1 for a table without a primary key, whose rows are keyed by a hidden row id, see
 * {@link RowIds}) and the columns declared NOT NULL (the primary key always is). Immutable; stored as JSON in the MVCC
 * store so DDL is transactional.
 */
public record TableDef(long id, String name, List<Column> columns, int pk, List<Boolean> notNull) {

  public TableDef {
    columns = List.copyOf(columns);
    notNull = List.copyOf(notNull);
  }

  /** True when column {@code i} rejects NULL. */
  public boolean isNotNull(int i) {
    return i == pk || (i < notNull.size() && notNull.get(i));
  }

  /** True for a table without a primary key: rows are keyed by a hidden {@link RowIds} id. */
  public boolean hiddenKey() {
    return pk < 0;
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
    return new JsonObject().put("id", id).put("name", name).put("columns", cols).put("pk", pk)
        .toBuffer().getBytes();
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
    return new TableDef(j.getLong("id"), j.getString("name"), cols, j.getInteger("pk"),
        notNull);
  }
}
