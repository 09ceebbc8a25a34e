package io.snapsync.plugins.wdr.report;

import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns two snapshots into report data: differences of cumulative counters over the nodes in
 * scope (every node present in both snapshots, or one node), rates per second and per
 * transaction, ranked statements and waits, and the gauges of the end snapshot. Each section
 * is an array of flat objects (column name to value), which the HTML page and the console
 * render as tables and charts.
 */
final class ReportBuilder {

  private static final int SUMMARY_TOP = 10;
  private static final int DETAIL_TOP = 100;
  private static final List<String> STORAGE_SUMMARY = List.of("bytes_read", "bytes_written",
      "keys_written", "keys_read", "block_cache_hit", "block_cache_miss", "compaction_bytes");

  private final SnapshotInfo beginInfo;
  private final SnapshotInfo endInfo;
  private final Map<String, JsonObject> begin;
  private final Map<String, JsonObject> end;
  private final List<String> nodes = new ArrayList<>();
  private final String node;
  private final ReportType type;
  private final long generatedAt;

  ReportBuilder(SnapshotInfo beginInfo, SnapshotInfo endInfo, Map<String, JsonObject> begin,
      Map<String, JsonObject> end, String node, ReportType type, long generatedAt) {
    this.beginInfo = beginInfo;
    this.endInfo = endInfo;
    this.begin = begin;
    this.end = end;
    this.node = node;
    this.type = type;
    this.generatedAt = generatedAt;
    for (String n : new TreeSet<>(end.keySet())) {
      if (begin.containsKey(n) && (node == null || node.equals(n))) {
        nodes.add(n);
      }
    }
  }

  /** True when a node in scope restarted or reset its statistics between the snapshots. */
  boolean resetTimeDiffers() {
    for (String n : nodes) {
      JsonObject b = cat(begin, n, "instance");
      JsonObject e = cat(end, n, "instance");
      if (!eq(b.getValue("reset_ms"), e.getValue("reset_ms"))
          || !eq(b.getValue("start_ms"), e.getValue("start_ms"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Section key to why it has no rows, as {@link io.snapsync.core.error.Message} JSON
   * ({@code section_note_ids}; the report service adds the English {@code section_notes}).
   */
  private final JsonObject notes = new JsonObject();

  /**
   * Every section without rows gets a reason: a report never drops or blanks a section
   * silently.
   */
  private void explainEmpty(JsonObject r) {
    for (String k : r.fieldNames()) {
      if (r.getValue(k) instanceof JsonArray a && a.isEmpty() && !notes.containsKey(k)) {
        notes.put(k, note(switch (k) {
          case "statements", "statements_by_kind" -> "wdr.note.no_statements";
          case "waits" -> "wdr.note.no_waits";
          case "errors" -> "wdr.note.no_errors";
          case "failures" -> "wdr.note.no_failures";
          case "storage" -> "wdr.note.no_storage";
          case "object_stats", "object_stats_indexes" -> "wdr.note.no_objects";
          default -> "wdr.note.no_data";
        }));
      }
    }
    r.put("section_note_ids", notes);
  }

  static JsonObject note(String id, Object... args) {
    return io.snapsync.core.error.Message.of(id, args).toJson();
  }

  JsonObject build() {
    JsonObject r = new JsonObject().put("info", info());
    if (type.summary()) {
      r.put("load_profile", loadProfile());
    }
    r.put("statements", statements(type.detail() ? DETAIL_TOP : SUMMARY_TOP));
    if (type.detail()) {
      r.put("statements_by_kind", statementsByKind());
    }
    r.put("waits", waits(type.detail() ? Integer.MAX_VALUE : SUMMARY_TOP));
    r.put("time_model", TimeModel.timeModel(dbTimeNanos(), waitsMap(), nodes, begin, end));
    if (type.summary()) {
      r.put("instance_efficiency", TimeModel.efficiency(nodes, begin, end));
    }
    TopActivity activity = new TopActivity(nodes, begin, end);
    r.put("top_activity", activity.byEvent());
    r.put("top_activity_statements", activity.byStatement(type.detail() ? DETAIL_TOP
        : SUMMARY_TOP));
    if (activity.why() != null) {
      notes.put("top_activity", activity.why()).put("top_activity_statements", activity.why());
    }
    if (type.detail()) {
      r.put("errors", errors());
    }
    ObjectDeltas objects = new ObjectDeltas(nodes, begin, end);
    r.put("object_stats", objects.tables(type.detail() ? DETAIL_TOP : SUMMARY_TOP));
    r.put("object_stats_indexes", objects.indexes(type.detail() ? DETAIL_TOP : SUMMARY_TOP));
    if (!objects.available()) {
      JsonObject why = note("wdr.note.objects_no_storage");
      notes.put("object_stats", why).put("object_stats_indexes", why);
    }
    r.put("snapshot_sync", snapshotSync());
    r.put("storage", storage(type.detail()));
    if (type.detail()) {
      r.put("event_bus", eventBus());
    }
    r.put("jvm_host", jvmHost());
    if (type.detail()) {
      r.put("settings", settings());
    }
    r.put("failures", failures());
    explainEmpty(r);
    return r;
  }

  private JsonObject info() {
    JsonArray ns = new JsonArray();
    for (String n : nodes) {
      JsonObject i = cat(end, n, "instance");
      ns.add(new JsonObject().put("node", n).put("role", i.getString("role", ""))
          .put("start_ms", i.getLong("start_ms", 0L)).put("reset_ms", i.getLong("reset_ms", 0L))
          .put("uptime_s", i.getLong("uptime_s", 0L)));
    }
    return new JsonObject().put("begin_snapshot_id", beginInfo.snapshotId())
        .put("end_snapshot_id", endInfo.snapshotId())
        .put("begin_ts", beginInfo.startMillis()).put("end_ts", endInfo.startMillis())
        .put("elapsed_s", elapsedSeconds()).put("type", type.name().toLowerCase())
        .put("scope", node == null ? "cluster" : "node").put("node_name", node)
        .put("generated_at", generatedAt).put("nodes", ns);
  }

  private double elapsedSeconds() {
    return Math.max(0, endInfo.startMillis() - beginInfo.startMillis()) / 1000.0;
  }

  private JsonArray loadProfile() {
    long commits = delta("transactions", "commits");
    long rollbacks = delta("transactions", "rollbacks");
    long txns = commits + rollbacks;
    long calls = 0;
    long rows = 0;
    long dbTimeNs = 0;
    for (JsonObject s : statementDeltas().values()) {
      calls += s.getLong("calls");
      rows += s.getLong("rows");
      dbTimeNs += s.getLong("total_ns");
    }
    long waitNs = 0;
    for (String n : nodes) {
      for (String ev : cat(end, n, "waits").fieldNames()) {
        waitNs += sub(cat(end, n, "waits").getValue(ev), cat(begin, n, "waits").getValue(ev),
            "total_ns");
      }
    }
    long errors = 0;
    for (JsonObject e : errorsMap().values()) {
      errors += e.getLong("count");
    }
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    m.put("transactions", txns);
    m.put("commits", commits);
    m.put("rollbacks", rollbacks);
    m.put("statements", calls);
    m.put("rows", rows);
    m.put("db_time_ms", dbTimeNs / 1_000_000);
    m.put("wait_time_ms", waitNs / 1_000_000);
    m.put("errors", errors);
    m.put("logins", delta("sessions", "opened"));
    m.put("login_failures", delta("sessions", "login_failures"));
    m.put("snapshots_exported", delta("snapshot_sync", "exported"));
    m.put("snapshots_imported", delta("snapshot_sync", "imported"));
    double secs = elapsedSeconds();
    JsonArray out = new JsonArray();
    m.forEach((k, v) -> out.add(new JsonObject().put("metric", k).put("total", v)
        .put("per_second", secs > 0 ? round(v / secs) : 0.0)
        .put("per_transaction", txns > 0 ? round((double) v / txns) : 0.0)));
    return out;
  }

  private Map<String, JsonObject> statementDeltas;

  /** Query to summed differences over the nodes in scope, for statements that ran. */
  private Map<String, JsonObject> statementDeltas() {
    if (statementDeltas == null) {
      statementDeltas = StatementDeltas.compute(nodes, begin, end);
    }
    return statementDeltas;
  }

  private JsonArray statements(int top) {
    JsonArray out = new JsonArray();
    statementDeltas().values().stream()
        .sorted(Comparator.comparingLong((JsonObject s) -> s.getLong("total_ns")).reversed()
            .thenComparing(s -> s.getString("query")))
        .limit(top)
        .forEach(s -> {
          long calls = s.getLong("calls");
          out.add(new JsonObject().put("statement_id", StatementIds.of(s.getString("query")))
              .put("query", s.getString("query"))
              .put("kind", s.getString("kind")).put("calls", calls)
              .put("total_ms", ms(s.getLong("total_ns")))
              .put("mean_ms", ms(s.getLong("total_ns") / (double) calls))
              .put("max_ms", s.containsKey("window_max_ns") ? ms(s.getLong("window_max_ns")) : null)
              .put("lifetime_max_ms", ms(s.getLong("lifetime_max_ns")))
              .put("rows", s.getLong("rows")));
        });
    return out;
  }

  private JsonArray statementsByKind() {
    Map<String, long[]> kinds = new TreeMap<>();
    for (JsonObject s : statementDeltas().values()) {
      long[] k = kinds.computeIfAbsent(s.getString("kind"), x -> new long[3]);
      k[0] += s.getLong("calls");
      k[1] += s.getLong("total_ns");
      k[2] += s.getLong("rows");
    }
    JsonArray out = new JsonArray();
    kinds.forEach((k, v) -> out.add(new JsonObject().put("kind", k).put("calls", v[0])
        .put("total_ms", ms(v[1])).put("rows", v[2])));
    return out;
  }

  private JsonArray waits(int top) {
    Map<String, long[]> w = waitsMap();
    long db = dbTimeNanos();
    JsonArray out = new JsonArray();
    w.entrySet().stream().filter(x -> x.getValue()[0] > 0)
        .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(top)
        .forEach(x -> out.add(new JsonObject().put("event", x.getKey())
            .put("waits", x.getValue()[0]).put("total_ms", ms(x.getValue()[1]))
            .put("avg_ms", ms(x.getValue()[1] / (double) x.getValue()[0]))
            .put("share_of_db_time_pct", db > 0 ? round(100.0 * x.getValue()[1] / db) : null)));
    return out;
  }

  /** The statements' total time in the window (DB time), summed over the nodes in scope. */
  private long dbTimeNanos() {
    long db = 0;
    for (JsonObject s : statementDeltas().values()) {
      db += s.getLong("total_ns");
    }
    return db;
  }

  /** Wait event to {waits, total nanos} in the window. */
  private Map<String, long[]> waitsMap() {
    Map<String, long[]> w = new TreeMap<>();
    for (String n : nodes) {
      JsonObject e = cat(end, n, "waits");
      JsonObject b = cat(begin, n, "waits");
      for (String ev : e.fieldNames()) {
        if (!(e.getValue(ev) instanceof JsonObject)) {
          continue;
        }
        long[] acc = w.computeIfAbsent(ev, x -> new long[2]);
        acc[0] += sub(e.getValue(ev), b.getValue(ev), "count");
        acc[1] += sub(e.getValue(ev), b.getValue(ev), "total_ns");
      }
    }
    return w;
  }

  private Map<String, JsonObject> errorsMap() {
    Map<String, JsonObject> out = new TreeMap<>();
    for (String n : nodes) {
      JsonObject e = cat(end, n, "errors");
      JsonObject b = cat(begin, n, "errors");
      for (String state : e.fieldNames()) {
        if (e.getValue(state) instanceof Number) {
          long d = num(e.getValue(state)) - num(b.getValue(state));
          if (d > 0) {
            JsonObject acc = out.computeIfAbsent(state, s -> new JsonObject().put("sqlstate", s)
                .put("count", 0L));
            acc.put("count", acc.getLong("count") + d);
          }
        }
      }
    }
    return out;
  }

  private JsonArray errors() {
    return new JsonArray(new ArrayList<>(errorsMap().values()));
  }

  private JsonArray snapshotSync() {
    JsonArray out = new JsonArray();
    out.add(metric("exported", delta("snapshot_sync", "exported")));
    out.add(metric("imported", delta("snapshot_sync", "imported")));
    out.add(metric("live_snapshots_at_end", gauge("snapshot_sync", "live_snapshots")));
    long oldest = 0;
    for (String n : nodes) {
      oldest = Math.max(oldest, num(cat(end, n, "snapshot_sync").getValue("oldest_pinned_age_ms")));
    }
    out.add(metric("oldest_pinned_age_ms_at_end", oldest));
    out.add(metric("versions_reclaimed", delta("snapshot_sync", "versions_reclaimed")));
    out.add(metric("versions_pending_reclaim_at_end",
        gauge("snapshot_sync", "versions_pending_reclaim")));
    return out;
  }

  private JsonArray storage(boolean all) {
    Map<String, long[]> m = new TreeMap<>();
    for (String n : nodes) {
      JsonObject e = cat(end, n, "rocksdb");
      JsonObject b = cat(begin, n, "rocksdb");
      for (String k : e.fieldNames()) {
        if (e.getValue(k) instanceof Number && (all || STORAGE_SUMMARY.contains(k))) {
          long[] acc = m.computeIfAbsent(k, x -> new long[2]);
          acc[0] += num(b.getValue(k));
          acc[1] += num(e.getValue(k));
        }
      }
    }
    JsonArray out = new JsonArray();
    m.forEach((k, v) -> out.add(new JsonObject().put("metric", k).put("begin", v[0])
        .put("end", v[1]).put("delta", v[1] - v[0])));
    long hit = m.getOrDefault("block_cache_hit", new long[2])[1]
        - m.getOrDefault("block_cache_hit", new long[2])[0];
    long miss = m.getOrDefault("block_cache_miss", new long[2])[1]
        - m.getOrDefault("block_cache_miss", new long[2])[0];
    if (hit + miss > 0) {
      out.add(new JsonObject().put("metric", "block_cache_hit_ratio").put("begin", null)
          .put("end", null).put("delta", round((double) hit / (hit + miss))));
    }
    return out;
  }

  private JsonArray eventBus() {
    Map<String, Double> m = new TreeMap<>();
    for (String n : nodes) {
      JsonObject e = cat(end, n, "eventbus");
      JsonObject b = cat(begin, n, "eventbus");
      for (String k : e.fieldNames()) {
        if (e.getValue(k) instanceof Number x) {
          double bv = b.getValue(k) instanceof Number y ? y.doubleValue() : 0;
          m.merge(k, x.doubleValue() - bv, Double::sum);
        }
      }
    }
    JsonArray out = new JsonArray();
    m.forEach((k, v) -> out.add(new JsonObject().put("metric", k).put("delta", round(v))));
    return out;
  }

  private JsonArray jvmHost() {
    JsonArray out = new JsonArray();
    for (String n : nodes) {
      JsonObject je = cat(end, n, "jvm");
      JsonObject jb = cat(begin, n, "jvm");
      JsonObject h = cat(end, n, "host");
      out.add(new JsonObject().put("node", n)
          .put("heap_used_mb", mb(je.getValue("heap_used")))
          .put("heap_max_mb", mb(je.getValue("heap_max")))
          .put("gc_count", num(je.getValue("gc_count")) - num(jb.getValue("gc_count")))
          .put("gc_time_ms", num(je.getValue("gc_time_ms")) - num(jb.getValue("gc_time_ms")))
          .put("threads", num(je.getValue("threads")))
          .put("cpus", num(h.getValue("available_processors")))
          .put("process_cpu_load", round(dbl(h.getValue("process_cpu_load"))))
          .put("system_cpu_load", round(dbl(h.getValue("system_cpu_load"))))
          .put("memory_total_mb", mb(h.getValue("total_memory")))
          .put("memory_free_mb", mb(h.getValue("free_memory"))));
    }
    return out;
  }

  private JsonArray settings() {
    JsonArray out = new JsonArray();
    for (String n : nodes) {
      JsonObject s = cat(end, n, "settings");
      for (String k : new TreeSet<>(s.fieldNames())) {
        out.add(new JsonObject().put("node", n).put("name", k)
            .put("value", String.valueOf(s.getValue(k))));
      }
    }
    return out;
  }

  private JsonArray failures() {
    JsonArray out = new JsonArray();
    for (SnapshotInfo s : List.of(beginInfo, endInfo)) {
      JsonObject f = s.failures() == null ? new JsonObject() : s.failures();
      for (String n : f.fieldNames()) {
        JsonObject byCollector = f.getJsonObject(n);
        for (String c : byCollector.fieldNames()) {
          out.add(new JsonObject().put("snapshot_id", s.snapshotId()).put("node", n)
              .put("collector", c).put("reason", byCollector.getString(c)));
        }
      }
    }
    return out;
  }

  private long delta(String category, String key) {
    long sum = 0;
    for (String n : nodes) {
      sum += num(cat(end, n, category).getValue(key)) - num(cat(begin, n, category).getValue(key));
    }
    return sum;
  }

  private long gauge(String category, String key) {
    long sum = 0;
    for (String n : nodes) {
      sum += num(cat(end, n, category).getValue(key));
    }
    return sum;
  }

  static JsonObject cat(Map<String, JsonObject> snap, String node, String category) {
    JsonObject n = snap.get(node);
    if (n == null) {
      return new JsonObject();
    }
    JsonObject c = n.getJsonObject("categories", new JsonObject()).getJsonObject(category);
    return c == null ? new JsonObject() : c;
  }

  private static JsonObject metric(String name, long value) {
    return new JsonObject().put("metric", name).put("value", value);
  }

  private static long sub(Object e, Object b, String key) {
    long ev = e instanceof JsonObject j ? num(j.getValue(key)) : 0;
    long bv = b instanceof JsonObject j ? num(j.getValue(key)) : 0;
    return ev - bv;
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static double dbl(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  private static long mb(Object o) {
    return num(o) / (1024 * 1024);
  }

  private static double ms(double nanos) {
    return round(nanos / 1_000_000.0);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  private static boolean eq(Object a, Object b) {
    return a == null ? b == null : b != null && num(a) == num(b);
  }
}
