package io.snapsync.plugins.wdr.report;

import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The single-statement report (as AWR's awrsqrpt): for one statement id over a snapshot range,
 * its window figures and share of DB time, the figures per node, its trend (one row per pair of
 * consecutive snapshots in the range, zeros where it did not run), its active-session samples,
 * and the plans seen. Every figure is a difference between snapshots, like the main report.
 */
final class SqlDetailReport {

  private final List<SnapshotInfo> range;
  private final List<Map<String, JsonObject>> data;
  private final String node;
  private final String statementId;
  private final long generatedAt;
  /** Section key to why it has no rows, as {@link io.snapsync.core.error.Message} JSON. */
  private final JsonObject notes = new JsonObject();

  /** {@code range} oldest first with {@code data} in the same order; at least two. */
  SqlDetailReport(List<SnapshotInfo> range, List<Map<String, JsonObject>> data, String node,
      String statementId, long generatedAt) {
    this.range = range;
    this.data = data;
    this.node = node;
    this.statementId = statementId;
    this.generatedAt = generatedAt;
  }

  /** The report data, or null when the statement did not run in the window. */
  JsonObject build() {
    Map<String, JsonObject> first = data.get(0);
    Map<String, JsonObject> last = data.get(data.size() - 1);
    List<String> nodes = nodes(first, last);
    Map<String, JsonObject> window = StatementDeltas.compute(nodes, first, last);
    JsonObject s = find(window);
    if (s == null) {
      return null;
    }
    long dbTime = window.values().stream().mapToLong(x -> x.getLong("total_ns")).sum();
    JsonObject summary = figures(s).put("share_of_db_time_pct",
        dbTime > 0 ? round(100.0 * s.getLong("total_ns") / dbTime) : null);
    JsonArray byNode = new JsonArray();
    for (String n : nodes) {
      JsonObject x = find(StatementDeltas.compute(List.of(n), first, last));
      if (x != null) {
        byNode.add(new JsonObject().put("node", n).mergeIn(figures(x)));
      }
    }
    JsonArray activity = new JsonArray();
    TopActivity samples = new TopActivity(nodes, first, last);
    for (Object o : samples.byStatement(Integer.MAX_VALUE)) {
      if (((JsonObject) o).getString("query").equals(s.getString("query"))) {
        JsonObject a = ((JsonObject) o).copy();
        a.remove("query");
        activity.add(a);
      }
    }
    if (activity.isEmpty()) {
      notes.put("activity", samples.why() != null ? samples.why()
          : message("wdr.note.activity_statement"));
    }
    notes.put("plans", message("wdr.note.plans_not_recorded"));
    JsonObject info = new JsonObject().put("statement_id", statementId)
        .put("query", s.getString("query")).put("kind", s.getString("kind"))
        .put("begin_snapshot_id", range.get(0).snapshotId())
        .put("end_snapshot_id", range.get(range.size() - 1).snapshotId())
        .put("begin_ts", range.get(0).startMillis())
        .put("end_ts", range.get(range.size() - 1).startMillis())
        .put("snapshots", range.size()).put("scope", node == null ? "cluster" : "node")
        .put("node_name", node).put("generated_at", generatedAt);
    return new JsonObject().put("info", info).put("summary", new JsonArray().add(summary))
        .put("by_node", byNode).put("trend", trend(s.getString("query")))
        .put("activity", activity).put("plans", new JsonArray()).put("section_note_ids", notes);
  }

  private JsonArray trend(String query) {
    JsonArray out = new JsonArray();
    for (int i = 1; i < range.size(); i++) {
      Map<String, JsonObject> b = data.get(i - 1);
      Map<String, JsonObject> e = data.get(i);
      List<String> ns = nodes(b, e);
      JsonObject row = new JsonObject().put("begin_snapshot_id", range.get(i - 1).snapshotId())
          .put("end_snapshot_id", range.get(i).snapshotId())
          .put("end", HtmlReport.ts(range.get(i).startMillis()));
      if (new ReportBuilder(range.get(i - 1), range.get(i), b, e, node, ReportType.SUMMARY, 0)
          .resetTimeDiffers()) {
        out.add(row.mergeIn(figures(null)).put("note", "restart"));
        continue;
      }
      JsonObject x = StatementDeltas.compute(ns, b, e).get(query);
      out.add(row.mergeIn(figures(x)).put("note", null));
    }
    return out;
  }

  private List<String> nodes(Map<String, JsonObject> b, Map<String, JsonObject> e) {
    List<String> out = new ArrayList<>();
    for (String n : new TreeSet<>(e.keySet())) {
      if (b.containsKey(n) && (node == null || node.equals(n))) {
        out.add(n);
      }
    }
    return out;
  }

  private JsonObject find(Map<String, JsonObject> deltas) {
    for (JsonObject s : deltas.values()) {
      if (StatementIds.of(s.getString("query")).equals(statementId)) {
        return s;
      }
    }
    return null;
  }

  /** Window figures of one statement's differences; zeros when it did not run. */
  private static JsonObject figures(JsonObject s) {
    if (s == null) {
      return new JsonObject().put("calls", 0L).put("total_ms", 0.0).put("mean_ms", null)
          .put("max_ms", null).put("rows", 0L).put("rows_per_call", null);
    }
    long calls = s.getLong("calls");
    return new JsonObject().put("calls", calls).put("total_ms", ms(s.getLong("total_ns")))
        .put("mean_ms", ms(s.getLong("total_ns") / (double) calls))
        .put("max_ms", s.containsKey("window_max_ns") ? ms(s.getLong("window_max_ns")) : null)
        .put("rows", s.getLong("rows"))
        .put("rows_per_call", round(s.getLong("rows") / (double) calls));
  }

  private static JsonObject message(String id) {
    return new JsonObject().put("id", id).put("args", new JsonArray());
  }

  private static double ms(double nanos) {
    return round(nanos / 1_000_000.0);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
