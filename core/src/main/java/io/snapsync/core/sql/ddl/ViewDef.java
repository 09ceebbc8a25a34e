package io.snapsync.core.sql.ddl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.exec.TableDef;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A view: its id (its OID's source, kept by CREATE OR REPLACE), name, result columns (names as the view shows them), the query's SQL text as
 * written, its owner and the relations (tables and views) the query reads. Immutable; stored as
 * JSON in the MVCC store ({@link ViewCatalog}) so CREATE VIEW is transactional and an imported
 * snapshot sees the definition of its time.
 */
public record ViewDef(long id, String name, List<Column> columns, String query, String owner,
    List<String> dependsOn) {

  public ViewDef {
    columns = List.copyOf(columns);
    dependsOn = List.copyOf(dependsOn);
  }

  /** The column names in order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * The view as a relation of the analyzer's dependency map: no key, every column nullable,
   * the view's id and owner (so SELECT on the view is checked like SELECT on a table) and its
   * query as the one "check" (so a plan over an older definition differs).
   */
  public TableDef asRelation() {
    return new TableDef(id, name, columns, -1,
        Collections.nCopies(columns.size(), Boolean.FALSE), List.of(), List.of(),
        List.of(new TableDef.Check("view", query)), owner);
  }

  /** The same view under {@code newName}. */
  public ViewDef renamed(String newName) {
    return new ViewDef(id, newName, columns, query, owner, dependsOn);
  }

  /** The same view owned by {@code newOwner}. */
  public ViewDef withOwner(String newOwner) {
    return new ViewDef(id, name, columns, query, newOwner, dependsOn);
  }

  byte[] toBytes() {
    JsonArray cols = new JsonArray();
    for (Column c : columns) {
      JsonObject col = new JsonObject().put("name", c.name()).put("type", c.type().name());
      if (c.typmod() >= 0) {
        col.put("typmod", c.typmod());
      }
      cols.add(col);
    }
    JsonObject j = new JsonObject().put("id", id).put("name", name).put("columns", cols)
        .put("query", query).put("depends_on", new JsonArray(new ArrayList<Object>(dependsOn)));
    if (owner != null) {
      j.put("owner", owner);
    }
    return j.toBuffer().getBytes();
  }

  static ViewDef fromBytes(byte[] b) {
    JsonObject j = new JsonObject(Buffer.buffer(b));
    List<Column> cols = new ArrayList<>();
    for (Object o : j.getJsonArray("columns")) {
      JsonObject c = (JsonObject) o;
      cols.add(new Column(c.getString("name"), DataType.valueOf(c.getString("type")),
          c.getInteger("typmod", -1)));
    }
    List<String> deps = new ArrayList<>();
    j.getJsonArray("depends_on", new JsonArray()).forEach(d -> deps.add((String) d));
    return new ViewDef(j.getLong("id"), j.getString("name"), cols, j.getString("query"),
        j.getString("owner"), deps);
  }
}
