package io.snapsync.core.sql.exec;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A user table: its id (prefix of its row keys), name, columns and primary-key column.
 * Immutable; stored as JSON in the MVCC store so DDL is transactional.
 */
public record TableDef(long id, String name, List<Column> columns, int pk) {

  public TableDef {
    columns = List.copyOf(columns);
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
    columns.forEach(c -> cols.add(new JsonObject().put("name", c.name())
        .put("type", c.type().name())));
    return new JsonObject().put("id", id).put("name", name).put("columns", cols).put("pk", pk)
        .toBuffer().getBytes();
  }

  static TableDef fromBytes(byte[] b) {
    JsonObject j = new JsonObject(Buffer.buffer(b));
    List<Column> cols = new ArrayList<>();
    for (Object o : j.getJsonArray("columns")) {
      JsonObject c = (JsonObject) o;
      cols.add(new Column(c.getString("name"), DataType.valueOf(c.getString("type"))));
    }
    return new TableDef(j.getLong("id"), j.getString("name"), cols, j.getInteger("pk"));
  }
}
