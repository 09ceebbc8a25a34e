package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders report data as one self-contained HTML page (inline CSS, no scripts, no external
 * resources). Sections appear in the order of {@link #SECTIONS} when present in the data.
 */
final class HtmlReport {

  /** Section keys in page order; titles are {@code wdr.label.section.<key>}. */
  static final List<String> SECTIONS = List.of("load_profile", "statements",
      "statements_by_kind", "time_model", "instance_efficiency", "waits", "top_activity",
      "top_activity_statements", "errors", "object_stats", "object_stats_indexes",
      "snapshot_sync", "storage", "event_bus", "jvm_host", "settings", "failures");

  /** Sections with a note under their table ({@code wdr.label.note.<key>}). */
  static final List<String> NOTES = List.of("statements", "top_activity", "time_model");

  static final String CSS = "body{font-family:sans-serif;margin:1.5em;color:#222}"
      + "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #999}"
      + "table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #bbb;"
      + "padding:2px 8px;text-align:left;vertical-align:top}th{background:#e8eef4}"
      + "td.n{text-align:right;font-family:monospace}p.none{color:#777}";

  private final JsonObject data;
  private final ReportLabels labels;

  HtmlReport(JsonObject data, ReportLabels labels) {
    this.data = data;
    this.labels = labels;
  }

  String render() {
    StringBuilder sb = new StringBuilder(16_384);
    JsonObject info = data.getJsonObject("info");
    head(sb, labels, labels.text("wdr.label.report_title_ids", info.getLong("begin_snapshot_id"),
        info.getLong("end_snapshot_id")), labels.text("wdr.label.report_heading"));
    sb.append("<h2 id=\"report_info\">").append(esc(labels.text("wdr.label.report_info")))
        .append("</h2>\n");
    JsonArray kv = new JsonArray();
    kv.add(row("wdr.label.info.begin", labels.text("wdr.label.info.snapshot_at",
        info.getLong("begin_snapshot_id"), ts(info.getLong("begin_ts")))));
    kv.add(row("wdr.label.info.end", labels.text("wdr.label.info.snapshot_at",
        info.getLong("end_snapshot_id"), ts(info.getLong("end_ts")))));
    kv.add(row("wdr.label.info.elapsed", info.getValue("elapsed_s")));
    kv.add(row("wdr.label.info.type", info.getString("type")));
    kv.add(row("wdr.label.info.scope", info.getString("scope")
        + (info.getString("node_name") == null ? "" : " (" + info.getString("node_name") + ")")));
    kv.add(row("wdr.label.info.generated", ts(info.getLong("generated_at"))));
    table(sb, kv, labels);
    JsonArray nodes = new JsonArray();
    for (Object o : info.getJsonArray("nodes")) {
      JsonObject n = (JsonObject) o;
      nodes.add(new JsonObject().put("node", n.getString("node")).put("role", n.getString("role"))
          .put("started", ts(n.getLong("start_ms"))).put("stats_reset", ts(n.getLong("reset_ms")))
          .put("uptime_s", n.getLong("uptime_s")));
    }
    table(sb, nodes, labels);
    sections(sb, data, SECTIONS, labels);
    sb.append("</body></html>\n");
    return sb.toString();
  }

  /** The page up to its heading. */
  static void head(StringBuilder sb, ReportLabels labels, String title, String heading) {
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(labels.htmlLang())
        .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>").append(CSS).append("</style></head><body>\n<h1>")
        .append(esc(heading)).append("</h1>\n");
  }

  /**
   * Each of {@code keys} present in {@code data}: its title, its table or why it has no rows
   * ({@code section_note_ids}, else the English {@code section_notes}), and its note.
   */
  static void sections(StringBuilder sb, JsonObject data, List<String> keys,
      ReportLabels labels) {
    JsonObject ids = data.getJsonObject("section_note_ids", new JsonObject());
    JsonObject english = data.getJsonObject("section_notes", new JsonObject());
    for (String key : keys) {
      if (!data.containsKey(key)) {
        continue;
      }
      sb.append("<h2 id=\"").append(key).append("\">").append(esc(labels.section(key)))
          .append("</h2>\n");
      String why = ids.getJsonObject(key) != null ? labels.note(ids.getJsonObject(key))
          : english.getString(key);
      if (why != null && data.getJsonArray(key).isEmpty()) {
        sb.append("<p class=\"none\">").append(esc(why)).append("</p>\n");
      } else {
        table(sb, data.getJsonArray(key), labels);
      }
      if (NOTES.contains(key)) {
        sb.append("<p class=\"none\">").append(esc(labels.text("wdr.label.note." + key)))
            .append("</p>\n");
      }
    }
  }

  private JsonObject row(String labelId, Object value) {
    return new JsonObject().put("item", labels.text(labelId))
        .put("value", String.valueOf(value));
  }

  static void table(StringBuilder sb, JsonArray rows, ReportLabels labels) {
    if (rows == null || rows.isEmpty()) {
      sb.append("<p class=\"none\">").append(esc(labels.text("wdr.label.no_data")))
          .append("</p>\n");
      return;
    }
    List<String> cols = new ArrayList<>(rows.getJsonObject(0).fieldNames());
    sb.append("<table><tr>");
    cols.forEach(c -> sb.append("<th>").append(esc(labels.column(c))).append("</th>"));
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
