package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders report data as one self-contained HTML page (inline CSS, no scripts, no external
 * resources). Sections appear in the order of {@link #SECTIONS} when present in the data.
 */
final class HtmlReport {

  /** Section key to title. */
  static final Map<String, String> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("load_profile", "Load Profile");
    SECTIONS.put("statements", "Top Statements (by total time)");
    SECTIONS.put("statements_by_kind", "Statements by Kind");
    SECTIONS.put("time_model", "Time Model (DB time and waits as shares of it)");
    SECTIONS.put("instance_efficiency", "Instance Efficiency");
    SECTIONS.put("waits", "Wait Events");
    SECTIONS.put("top_activity", "Top Activity (active session samples by wait event)");
    SECTIONS.put("top_activity_statements", "Top Activity by Statement");
    SECTIONS.put("errors", "Errors by SQLSTATE");
    SECTIONS.put("object_stats", "Object Stats (tables)");
    SECTIONS.put("object_stats_indexes", "Object Stats (indexes)");
    SECTIONS.put("snapshot_sync", "Snapshot Synchronization");
    SECTIONS.put("storage", "Storage (RocksDB)");
    SECTIONS.put("event_bus", "Event Bus");
    SECTIONS.put("jvm_host", "JVM and Host");
    SECTIONS.put("settings", "Settings");
    SECTIONS.put("failures", "Collection Failures");
  }

  /** Section key to a note under its table, saying how its figures were obtained. */
  static final Map<String, String> NOTES = Map.of("statements", "All figures cover the report"
      + " window; max_ms is the maximum within the window, blank where the snapshots cannot"
      + " tell it apart from lifetime_max_ms (the maximum since the statistics were reset).",
      "top_activity", "Active sessions are sampled every wdr_ash_sample_interval seconds;"
      + " CPU is an active session waiting on nothing; est_db_time_s = samples x interval.",
      "time_model", "DB time is the statements' total time; parse, plan and execution are"
      + " not timed apart (CPU and other).");

  static final String CSS = "body{font-family:sans-serif;margin:1.5em;color:#222}"
      + "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #999}"
      + "table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #bbb;"
      + "padding:2px 8px;text-align:left;vertical-align:top}th{background:#e8eef4}"
      + "td.n{text-align:right;font-family:monospace}p.none{color:#777}";

  private final JsonObject data;

  HtmlReport(JsonObject data) {
    this.data = data;
  }

  String render() {
    StringBuilder sb = new StringBuilder(16_384);
    JsonObject info = data.getJsonObject("info");
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>WDR Report ").append(info.getLong("begin_snapshot_id")).append('-')
        .append(info.getLong("end_snapshot_id")).append("</title><style>").append(CSS)
        .append("</style></head><body>\n<h1>WDR Report (snapsync)</h1>\n");
    sb.append("<h2 id=\"report_info\">Report Information</h2>\n");
    JsonArray kv = new JsonArray();
    kv.add(row("Begin snapshot", info.getLong("begin_snapshot_id") + " at "
        + ts(info.getLong("begin_ts"))));
    kv.add(row("End snapshot", info.getLong("end_snapshot_id") + " at "
        + ts(info.getLong("end_ts"))));
    kv.add(row("Elapsed (s)", info.getValue("elapsed_s")));
    kv.add(row("Report type", info.getString("type")));
    kv.add(row("Scope", info.getString("scope") + (info.getString("node_name") == null ? ""
        : " (" + info.getString("node_name") + ")")));
    kv.add(row("Generated at", ts(info.getLong("generated_at"))));
    table(sb, kv);
    JsonArray nodes = new JsonArray();
    for (Object o : info.getJsonArray("nodes")) {
      JsonObject n = (JsonObject) o;
      nodes.add(new JsonObject().put("node", n.getString("node")).put("role", n.getString("role"))
          .put("started", ts(n.getLong("start_ms"))).put("stats_reset", ts(n.getLong("reset_ms")))
          .put("uptime_s", n.getLong("uptime_s")));
    }
    table(sb, nodes);
    SECTIONS.forEach((key, title) -> {
      if (data.containsKey(key)) {
        sb.append("<h2 id=\"").append(key).append("\">").append(esc(title)).append("</h2>\n");
        String why = data.getJsonObject("section_notes", new JsonObject()).getString(key);
        if (why != null && data.getJsonArray(key).isEmpty()) {
          sb.append("<p class=\"none\">").append(esc(why)).append("</p>\n");
        } else {
          table(sb, data.getJsonArray(key));
        }
        if (NOTES.containsKey(key)) {
          sb.append("<p class=\"none\">").append(esc(NOTES.get(key))).append("</p>\n");
        }
      }
    });
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static JsonObject row(String name, Object value) {
    return new JsonObject().put("item", name).put("value", String.valueOf(value));
  }

  static void table(StringBuilder sb, JsonArray rows) {
    if (rows == null || rows.isEmpty()) {
      sb.append("<p class=\"none\">No data.</p>\n");
      return;
    }
    List<String> cols = new ArrayList<>(rows.getJsonObject(0).fieldNames());
    sb.append("<table><tr>");
    cols.forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
    sb.append("</tr>\n");
    for (Object o : rows) {
      JsonObject r = (JsonObject) o;
      sb.append("<tr>");
      for (String c : cols) {
        Object v = r.getValue(c);
        sb.append(v instanceof Number ? "<td class=\"n\">" : "<td>")
            .append(v == null ? "" : esc(String.valueOf(v))).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  static String ts(Long millis) {
    return millis == null ? "" : Instant.ofEpochMilli(millis).toString();
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
