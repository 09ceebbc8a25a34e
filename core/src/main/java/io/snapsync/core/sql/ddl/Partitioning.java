package io.snapsync.core.sql.ddl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A table's place among partitions and inheritance: {@code strategy} (RANGE, LIST, HASH; null
 * when the table is not partitioned) with its key columns {@code keys}; {@code parent} and
 * {@code bound} of a partition (null otherwise); {@code inherits}, the parents of a table
 * created with INHERITS. A partitioned table holds no rows of its own: they are in its
 * partitions, found by their {@code parent}. Immutable; stored in the table's definition.
 */
public record Partitioning(String strategy, List<String> keys, String parent,
    PartitionBound bound, List<String> inherits, boolean inherited) {

  public Partitioning {
    keys = keys == null ? List.of() : List.copyOf(keys);
    inherits = inherits == null ? List.of() : List.copyOf(inherits);
  }

  /** True when the table is partitioned (has no rows of its own). */
  public boolean partitioned() {
    return strategy != null;
  }

  /** True when the table is a partition of {@code parent}. */
  public boolean partition() {
    return parent != null;
  }

  /** The same with {@code newParent} and {@code newBound} (null, null: detached). */
  public Partitioning withParent(String newParent, PartitionBound newBound) {
    return new Partitioning(strategy, keys, newParent, newBound, inherits, inherited);
  }

  /** The same with parents {@code newInherits}. */
  public Partitioning withInherits(List<String> newInherits) {
    return new Partitioning(strategy, keys, parent, bound, newInherits, inherited);
  }

  /** The same, marked as a parent of INHERITS children ({@code on}) or not. */
  public Partitioning withInherited(boolean on) {
    return new Partitioning(strategy, keys, parent, bound, inherits, on);
  }

  /** True when a scan of the table reads other tables too (partitions, INHERITS children). */
  public boolean appends() {
    return strategy != null || inherited;
  }

  /** True when nothing is recorded (a plain table). */
  public boolean empty() {
    return strategy == null && parent == null && inherits.isEmpty() && !inherited;
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject();
    if (strategy != null) {
      j.put("strategy", strategy).put("keys", new JsonArray(List.copyOf(keys)));
    }
    if (parent != null) {
      j.put("parent", parent).put("bound", bound.toJson());
    }
    if (!inherits.isEmpty()) {
      j.put("inherits", new JsonArray(List.copyOf(inherits)));
    }
    if (inherited) {
      j.put("inherited", true);
    }
    return j;
  }

  public static Partitioning fromJson(JsonObject j) {
    return new Partitioning(j.getString("strategy"), strings(j.getJsonArray("keys")),
        j.getString("parent"), j.containsKey("bound")
            ? PartitionBound.fromJson(j.getJsonObject("bound")) : null,
        strings(j.getJsonArray("inherits")), j.getBoolean("inherited", false));
  }

  private static List<String> strings(JsonArray a) {
    return a == null ? List.of() : a.stream().map(String.class::cast).toList();
  }
}
