package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's object statistics: per table ({@code object_stats}) and per index
 * ({@code object_stats_indexes}) the differences of the access counters between the two
 * snapshots, summed over the data nodes in scope, and the end snapshot's live rows, versions
 * pending reclaim and stored bytes. Ranked by rows touched in the window (read, fetched,
 * written); objects untouched in the window are left out.
 */
final class ObjectDeltas {

  private static final List<String> TABLE_COUNTERS = List.of("seq_scan", "seq_tup_read",
      "idx_scan", "idx_tup_fetch", "n_tup_ins", "n_tup_upd", "n_tup_del");
  private static final List<String> TABLE_GAUGES = List.of("n_live_tup", "n_dead_tup",
      "stored_bytes");
  private static final List<String> INDEX_COUNTERS = List.of("idx_scan", "idx_tup_read",
      "idx_tup_fetch");
  private static final List<String> INDEX_GAUGES = List.of("stored_bytes");

  private final List<String> nodes;
  private final Map<String, JsonObject> begin;
  private final Map<String, JsonObject> end;

  ObjectDeltas(List<String> nodes, Map<String, JsonObject> begin, Map<String, JsonObject> end) {
    this.nodes = nodes;
    this.begin = begin;
    this.end = end;
  }

  /** True when some node in scope collected object statistics (it has storage). */
  boolean available() {
    return nodes.stream().anyMatch(n -> ReportBuilder.cat(end, n, "objects")
        .getBoolean("available", false));
  }

  JsonArray tables(int top) {
    return rank(sum("tables", List.of("schemaname", "relname"), "table", TABLE_COUNTERS,
        TABLE_GAUGES), List.of("seq_tup_read", "idx_tup_fetch", "n_tup_ins", "n_tup_upd",
        "n_tup_del"), top);
  }

  JsonArray indexes(int top) {
    return rank(sum("indexes", List.of("schemaname", "relname", "indexrelname"), "index",
        INDEX_COUNTERS, INDEX_GAUGES), List.of("idx_tup_read"), top);
  }

  private Map<String, JsonObject> sum(String part, List<String> names, String label,
      List<String> counters, List<String> gauges) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (String n : nodes) {
      Map<String, JsonObject> before = byName(ReportBuilder.cat(begin, n, "objects"), part, names);
      for (Map.Entry<String, JsonObject> e : byName(ReportBuilder.cat(end, n, "objects"), part,
          names).entrySet()) {
        JsonObject b = before.getOrDefault(e.getKey(), new JsonObject());
        JsonObject acc = out.computeIfAbsent(e.getKey(), k -> {
          JsonObject o = new JsonObject().put(label, k);
          counters.forEach(c -> o.put(c, 0L));
          gauges.forEach(g -> o.put(g, 0L));
          return o;
        });
        for (String c : counters) {
          long d = e.getValue().getLong(c, 0L) - b.getLong(c, 0L);
          // a counter lower at the end: the node restarted or reset, so all it has is new
          acc.put(c, acc.getLong(c) + (d < 0 ? e.getValue().getLong(c, 0L) : d));
        }
        for (String g : gauges) {
          acc.put(g, acc.getLong(g) + e.getValue().getLong(g, 0L));
        }
      }
    }
    return out;
  }

  private static Map<String, JsonObject> byName(JsonObject cat, String part, List<String> names) {
    Map<String, JsonObject> m = new LinkedHashMap<>();
    for (Object o : cat.getJsonArray(part, new JsonArray())) {
      JsonObject r = (JsonObject) o;
      List<String> parts = new ArrayList<>();
      names.forEach(k -> parts.add(r.getString(k, "")));
      m.put(String.join(".", parts), r);
    }
    return m;
  }

  private static JsonArray rank(Map<String, JsonObject> rows, List<String> activity, int top) {
    Comparator<JsonObject> byActivity = Comparator.comparingLong(r -> activity.stream()
        .mapToLong(k -> r.getLong(k, 0L)).sum());
    List<JsonObject> touched = rows.values().stream()
        .filter(r -> activity.stream().mapToLong(k -> r.getLong(k, 0L)).sum() > 0
            || r.getLong("seq_scan", 0L) + r.getLong("idx_scan", 0L) > 0)
        .sorted(byActivity.reversed()).limit(top).toList();
    return new JsonArray(new ArrayList<>(touched));
  }
}
