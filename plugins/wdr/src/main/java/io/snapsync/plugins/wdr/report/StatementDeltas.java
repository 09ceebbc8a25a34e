package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-statement differences between two snapshots, summed over the nodes in scope.
 *
 * <p>Calls, total time and rows are exact differences of cumulative counters. The
 * statistics keep only a lifetime maximum, so the maximum <em>within the window</em> is
 * known only when the snapshots prove it: the statement first appeared in the window, its
 * lifetime maximum rose in the window, or it ran once (the maximum is then its total). When
 * none holds, {@code window_max_ns} is absent and only the lifetime maximum is known. Across
 * nodes the window maximum stays known if every unknown node's upper bound (its window total,
 * or its lifetime maximum if smaller) does not exceed the known maximum.
 */
final class StatementDeltas {

  private StatementDeltas() {
  }

  /**
   * Query to {@code query, kind, calls, total_ns, rows, lifetime_max_ns} and, when known,
   * {@code window_max_ns}; only statements that ran in the window.
   */
  static Map<String, JsonObject> compute(List<String> nodes, Map<String, JsonObject> begin,
      Map<String, JsonObject> end) {
    Map<String, JsonObject> out = new HashMap<>();
    Map<String, Long> unknownBound = new HashMap<>();
    for (String n : nodes) {
      Map<String, JsonObject> b = new HashMap<>();
      for (Object o : items(begin, n)) {
        JsonObject s = (JsonObject) o;
        b.put(s.getString("query"), s);
      }
      for (Object o : items(end, n)) {
        JsonObject e = (JsonObject) o;
        JsonObject s = b.get(e.getString("query"));
        JsonObject before = s == null ? new JsonObject() : s;
        long calls = e.getLong("calls", 0L) - before.getLong("calls", 0L);
        if (calls <= 0) {
          continue;
        }
        long total = e.getLong("total_ns", 0L) - before.getLong("total_ns", 0L);
        long endMax = e.getLong("max_ns", 0L);
        JsonObject acc = out.computeIfAbsent(e.getString("query"), q -> new JsonObject()
            .put("query", q).put("kind", e.getString("kind")).put("calls", 0L)
            .put("total_ns", 0L).put("rows", 0L).put("lifetime_max_ns", 0L)
            .put("window_max_ns", 0L));
        acc.put("calls", acc.getLong("calls") + calls)
            .put("total_ns", acc.getLong("total_ns") + total)
            .put("rows", acc.getLong("rows") + e.getLong("rows", 0L) - before.getLong("rows", 0L))
            .put("lifetime_max_ns", Math.max(acc.getLong("lifetime_max_ns"), endMax));
        Long windowMax = windowMax(s, calls, total, endMax);
        if (windowMax != null) {
          acc.put("window_max_ns", Math.max(acc.getLong("window_max_ns"), windowMax));
        } else {
          unknownBound.merge(e.getString("query"), Math.min(total, endMax), Math::max);
        }
      }
    }
    unknownBound.forEach((q, bound) -> {
      JsonObject acc = out.get(q);
      if (bound > acc.getLong("window_max_ns")) {
        acc.remove("window_max_ns");
      }
    });
    return out;
  }

  /** The node's maximum within the window when the snapshots determine it, else null. */
  private static Long windowMax(JsonObject before, long calls, long total, long endMax) {
    if (before == null || endMax > before.getLong("max_ns", 0L)) {
      return endMax;
    }
    if (calls == 1) {
      return total;
    }
    return null;
  }

  private static JsonArray items(Map<String, JsonObject> snap, String node) {
    return ReportBuilder.cat(snap, node, "statements").getJsonArray("items", new JsonArray());
  }
}
