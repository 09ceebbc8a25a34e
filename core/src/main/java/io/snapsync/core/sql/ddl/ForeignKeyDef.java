package io.snapsync.core.sql.ddl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A FOREIGN KEY constraint, kept in the definitions of both tables it joins (the referencing
 * one checks its new rows, the referenced one its deletes and key updates, DROP TABLE finds
 * it): its name ({@code t_col_fkey} by default), the referencing table and columns, the
 * referenced table and columns (its primary key or a unique index's), and the actions, as
 * PostgreSQL's {@code pg_constraint} spells them. MATCH SIMPLE: a row with a NULL in its
 * columns references nothing. Immutable.
 *
 * @param name the constraint name
 * @param table the referencing table
 * @param columns referencing column positions
 * @param refTable the referenced table
 * @param refColumns referenced column positions, paired with {@code columns}
 * @param onDelete {@code NO ACTION}, {@code RESTRICT}, ...
 * @param onUpdate likewise
 */
public record ForeignKeyDef(String name, String table, List<Integer> columns, String refTable,
    List<Integer> refColumns, String onDelete, String onUpdate) {

  public ForeignKeyDef {
    columns = List.copyOf(columns);
    refColumns = List.copyOf(refColumns);
  }

  /** Whether {@code table} is the referencing side. */
  public boolean references(String from) {
    return table.equals(from);
  }

  /** The JSON form kept in the table definition. */
  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("table", table)
        .put("columns", new JsonArray(new ArrayList<Object>(columns)))
        .put("ref_table", refTable)
        .put("ref_columns", new JsonArray(new ArrayList<Object>(refColumns)))
        .put("on_delete", onDelete).put("on_update", onUpdate);
  }

  /** Reads {@link #toJson()}'s form. */
  public static ForeignKeyDef fromJson(JsonObject j) {
    List<Integer> cols = new ArrayList<>();
    j.getJsonArray("columns").forEach(c -> cols.add(((Number) c).intValue()));
    List<Integer> ref = new ArrayList<>();
    j.getJsonArray("ref_columns").forEach(c -> ref.add(((Number) c).intValue()));
    return new ForeignKeyDef(j.getString("name"), j.getString("table"), cols,
        j.getString("ref_table"), ref, j.getString("on_delete"), j.getString("on_update"));
  }
}
