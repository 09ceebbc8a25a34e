package io.snapsync.core.sql.ddl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition's bound: RANGE {@code from} (inclusive) to {@code to} (exclusive), LIST
 * {@code values}, HASH {@code modulus}/{@code remainder}, or DEFAULT. Values are
 * {@link Value}s in their type's PostgreSQL text form. Immutable; stored in the partition's
 * {@link Partitioning}.
 */
public record PartitionBound(Kind kind, List<Value> from, List<Value> to, List<Value> values,
    long modulus, long remainder) {

  /** The bound's form. */
  public enum Kind { RANGE, LIST, HASH, DEFAULT }

  /**
   * One bound value: {@code text} its text form (null: NULL), {@code infinity} -1 for
   * MINVALUE, +1 for MAXVALUE, 0 for a value.
   */
  public record Value(String text, int infinity) {
    static final Value MIN = new Value(null, -1);
    static final Value MAX = new Value(null, 1);
  }

  public PartitionBound {
    from = from == null ? List.of() : List.copyOf(from);
    to = to == null ? List.of() : List.copyOf(to);
    values = values == null ? List.of() : java.util.Collections.unmodifiableList(
        new ArrayList<>(values));
  }

  static final PartitionBound DEFAULT = new PartitionBound(Kind.DEFAULT, null, null, null, 0, 0);

  /**
   * The bound as {@code pg_get_expr(relpartbound)} prints it: {@code FOR VALUES FROM (1) TO
   * (10)}; {@code quoted.get(i)} tells whether key column i's values print quoted.
   */
  public String text(List<Boolean> quoted) {
    return switch (kind) {
      case DEFAULT -> "DEFAULT";
      case HASH -> "FOR VALUES WITH (modulus " + modulus + ", remainder " + remainder + ")";
      case RANGE -> "FOR VALUES FROM (" + list(from, quoted, false) + ") TO ("
          + list(to, quoted, false) + ")";
      case LIST -> "FOR VALUES IN (" + list(values, quoted, true) + ")";
    };
  }

  private static String list(List<Value> vs, List<Boolean> quoted, boolean oneColumn) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < vs.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      Value v = vs.get(i);
      boolean q = quoted.get(oneColumn ? 0 : Math.min(i, quoted.size() - 1));
      b.append(v.infinity() < 0 ? "MINVALUE" : v.infinity() > 0 ? "MAXVALUE"
          : v.text() == null ? "NULL" : q ? "'" + v.text().replace("'", "''") + "'" : v.text());
    }
    return b.toString();
  }

  JsonObject toJson() {
    JsonObject j = new JsonObject().put("kind", kind.name());
    if (kind == Kind.HASH) {
      j.put("modulus", modulus).put("remainder", remainder);
    }
    j.put("from", json(from)).put("to", json(to)).put("values", json(values));
    return j;
  }

  static PartitionBound fromJson(JsonObject j) {
    return new PartitionBound(Kind.valueOf(j.getString("kind")), values(j.getJsonArray("from")),
        values(j.getJsonArray("to")), values(j.getJsonArray("values")),
        j.getLong("modulus", 0L), j.getLong("remainder", 0L));
  }

  private static JsonArray json(List<Value> vs) {
    JsonArray a = new JsonArray();
    vs.forEach(v -> a.add(new JsonObject().put("text", v.text()).put("inf", v.infinity())));
    return a;
  }

  private static List<Value> values(JsonArray a) {
    List<Value> out = new ArrayList<>();
    if (a != null) {
      for (Object o : a) {
        JsonObject v = (JsonObject) o;
        out.add(new Value(v.getString("text"), v.getInteger("inf", 0)));
      }
    }
    return out;
  }
}
