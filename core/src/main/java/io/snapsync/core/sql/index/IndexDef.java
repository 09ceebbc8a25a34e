package io.snapsync.core.sql.index;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A secondary index of a table, stored inside its {@link io.snapsync.core.sql.exec.TableDef}
 * (so index DDL is as transactional as the table's): its name, id (prefix of its entries, see
 * {@link IndexKeys}), the table columns it indexes in order with their direction and null
 * placement, whether it is unique (and whether it backs the primary key), and the text of its
 * partial-index predicate ({@code null}: not partial). Immutable; read by the catalog tables
 * ({@code pg_index}, {@code pg_indexes}).
 *
 * @param name the index name (a relation name, unique among relations)
 * @param id the key prefix of the index entries
 * @param columns table column positions, in index order
 * @param descending per column: DESC
 * @param nullsFirst per column: NULLS FIRST (PostgreSQL's default is NULLS LAST for ASC and
 *     NULLS FIRST for DESC)
 * @param unique whether two entries may not share non-null values
 * @param primary whether it enforces the primary key
 * @param constraint whether it enforces a PRIMARY KEY or UNIQUE constraint of the same name
 * @param predicate the WHERE text of a partial index, or null
 */
public record IndexDef(String name, long id, List<Integer> columns, List<Boolean> descending,
    List<Boolean> nullsFirst, boolean unique, boolean primary, boolean constraint, String predicate) {

  public IndexDef {
    columns = List.copyOf(columns);
    descending = List.copyOf(descending);
    nullsFirst = List.copyOf(nullsFirst);
  }

  /** The same index under another name. */
  public IndexDef withName(String newName) {
    return new IndexDef(newName, id, columns, descending, nullsFirst, unique, primary, constraint,
        predicate);
  }

  /** The JSON form kept in the table definition. */
  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("name", name).put("id", id)
        .put("columns", new JsonArray(new ArrayList<Object>(columns)))
        .put("desc", new JsonArray(new ArrayList<Object>(descending)))
        .put("nulls_first", new JsonArray(new ArrayList<Object>(nullsFirst)))
        .put("unique", unique).put("primary", primary).put("constraint", constraint);
    if (predicate != null) {
      j.put("predicate", predicate);
    }
    return j;
  }

  /** Reads {@link #toJson()}'s form. */
  public static IndexDef fromJson(JsonObject j) {
    List<Integer> cols = new ArrayList<>();
    j.getJsonArray("columns").forEach(c -> cols.add(((Number) c).intValue()));
    List<Boolean> desc = new ArrayList<>();
    j.getJsonArray("desc").forEach(d -> desc.add((Boolean) d));
    List<Boolean> nf = new ArrayList<>();
    j.getJsonArray("nulls_first").forEach(d -> nf.add((Boolean) d));
    return new IndexDef(j.getString("name"), j.getLong("id"), cols, desc, nf,
        j.getBoolean("unique", false), j.getBoolean("primary", false),
        j.getBoolean("constraint", false), j.getString("predicate"));
  }
}
