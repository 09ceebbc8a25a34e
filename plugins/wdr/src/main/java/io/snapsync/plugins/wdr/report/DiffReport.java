package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two reports of the same scope (as AWR's compare-periods report): per load-profile
 * metric, time-model component, efficiency ratio, top statement and wait event both values, the
 * difference (second minus first) and the change in percent, and first the items that changed
 * most. Data and HTML, as {@link ReportBuilder} and {@link HtmlReport}.
 */
final class DiffReport {

  /** Sections in page order. */
  static final List<String> SECTIONS = List.of("changed_most", "load_profile", "time_model",
      "instance_efficiency", "statements", "waits");
  private static final int CHANGED_MOST = 10;

  private final JsonObject first;
  private final JsonObject second;
  private final int top;

  DiffReport(JsonObject first, JsonObject second, int top) {
    this.first = first;
    this.second = second;
    this.top = top;
  }

  JsonObject build() {
    JsonArray load = loadProfile();
    JsonArray statements = statements();
    JsonArray waits = pairs("waits", "event", "total_ms", "total_ms");
    return new JsonObject()
        .put("info", new JsonObject().put("first", first.getJsonObject("info"))
            .put("second", second.getJsonObject("info")))
        .put("changed_most", changedMost(load, statements, waits))
        .put("load_profile", load)
        .put("time_model", pairs("time_model", "component", "time_ms", "time_ms"))
        .put("instance_efficiency", pairs("instance_efficiency", "ratio", "value", "value"))
        .put("statements", statements)
        .put("waits", waits);
  }

  private JsonArray loadProfile() {
    Map<String, JsonObject> b = byKey(second.getJsonArray("load_profile"), "metric");
    JsonArray out = new JsonArray();
    for (Object o : first.getJsonArray("load_profile", new JsonArray())) {
      JsonObject a = (JsonObject) o;
      JsonObject c = b.getOrDefault(a.getString("metric"), new JsonObject());
      double x = a.getDouble("per_second", 0.0);
      double y = c.getDouble("per_second", 0.0);
      out.add(new JsonObject().put("metric", a.getString("metric"))
          .put("first_total", a.getLong("total", 0L)).put("second_total", c.getLong("total", 0L))
          .put("total_diff", c.getLong("total", 0L) - a.getLong("total", 0L))
          .put("first_per_second", x).put("second_per_second", y)
          .put("per_second_diff", round(y - x)).put("change_pct", pct(x, y))
          .put("first_per_transaction", a.getDouble("per_transaction", 0.0))
          .put("second_per_transaction", c.getDouble("per_transaction", 0.0)));
    }
    return out;
  }

  private JsonArray statements() {
    Map<String, JsonObject> a = byKey(first.getJsonArray("statements"), "query");
    Map<String, JsonObject> b = byKey(second.getJsonArray("statements"), "query");
    Set<String> all = new LinkedHashSet<>(a.keySet());
    all.addAll(b.keySet());
    JsonArray out = new JsonArray();
    all.stream().map(q -> statementRow(q, a.get(q), b.get(q)))
        .sorted(Comparator.comparingDouble((JsonObject r) -> Math.max(
            r.getDouble("first_total_ms"), r.getDouble("second_total_ms"))).reversed())
        .limit(top).forEach(out::add);
    return out;
  }

  private static JsonObject statementRow(String q, JsonObject a, JsonObject b) {
    JsonObject x = a == null ? new JsonObject() : a;
    JsonObject y = b == null ? new JsonObject() : b;
    double xt = x.getDouble("total_ms", 0.0);
    double yt = y.getDouble("total_ms", 0.0);
    double xm = x.getDouble("mean_ms", 0.0);
    double ym = y.getDouble("mean_ms", 0.0);
    return new JsonObject().put("statement_id", StatementIds.of(q)).put("query", q)
        .put("first_calls", x.getLong("calls", 0L)).put("second_calls", y.getLong("calls", 0L))
        .put("calls_diff", y.getLong("calls", 0L) - x.getLong("calls", 0L))
        .put("first_total_ms", xt).put("second_total_ms", yt)
        .put("total_diff_ms", round(yt - xt)).put("total_change_pct", pct(xt, yt))
        .put("first_mean_ms", xm).put("second_mean_ms", ym)
        .put("mean_diff_ms", round(ym - xm)).put("mean_change_pct", pct(xm, ym))
        .put("first_rows", x.getLong("rows", 0L)).put("second_rows", y.getLong("rows", 0L));
  }

  /** Rows of section {@code key} matched by {@code name}: both values and the difference. */
  private JsonArray pairs(String key, String name, String firstCol, String secondCol) {
    Map<String, JsonObject> a = byKey(first.getJsonArray(key), name);
    Map<String, JsonObject> b = byKey(second.getJsonArray(key), name);
    Set<String> names = new LinkedHashSet<>(a.keySet());
    names.addAll(b.keySet());
    JsonArray out = new JsonArray();
    for (String n : names) {
      Double x = value(a.get(n), firstCol);
      Double y = value(b.get(n), secondCol);
      out.add(new JsonObject().put(name, n).put("first", x).put("second", y)
          .put("diff", x == null || y == null ? null : round(y - x))
          .put("change_pct", x == null || y == null ? null : pct(x, y)));
    }
    return out;
  }

  /**
   * The load-profile metrics, statements and wait events whose change is largest, in percent
   * of the larger of both values (a statement new in the second range is 100 %).
   */
  private static JsonArray changedMost(JsonArray load, JsonArray statements, JsonArray waits) {
    JsonArray all = new JsonArray();
    load.forEach(o -> {
      JsonObject r = (JsonObject) o;
      all.add(change("load_profile", r.getString("metric"), r.getDouble("first_per_second"),
          r.getDouble("second_per_second")));
    });
    statements.forEach(o -> {
      JsonObject r = (JsonObject) o;
      all.add(change("statements", r.getString("query"), r.getDouble("first_total_ms"),
          r.getDouble("second_total_ms")));
    });
    waits.forEach(o -> {
      JsonObject r = (JsonObject) o;
      all.add(change("waits", r.getString("event"), r.getDouble("first", 0.0),
          r.getDouble("second", 0.0)));
    });
    JsonArray out = new JsonArray();
    all.stream().map(o -> (JsonObject) o).filter(r -> r.getDouble("diff") != 0.0)
        .sorted(Comparator.comparingDouble((JsonObject r) -> r.getDouble("weight")).reversed()
            .thenComparing(r -> r.getString("item")))
        .limit(CHANGED_MOST).forEach(r -> {
          r.remove("weight");
          out.add(r);
        });
    return out;
  }

  private static JsonObject change(String section, String item, double x, double y) {
    double larger = Math.max(Math.abs(x), Math.abs(y));
    return new JsonObject().put("section", section).put("item", item).put("first", x)
        .put("second", y).put("diff", round(y - x)).put("change_pct", pct(x, y))
        .put("weight", larger == 0 ? 0.0 : Math.abs(y - x) / larger);
  }

  String html(ReportLabels labels) {
    JsonObject d = build();
    StringBuilder sb = new StringBuilder(16_384);
    HtmlReport.head(sb, labels, labels.text("wdr.label.compare_title"),
        labels.text("wdr.label.compare_heading"));
    sb.append("<h2 id=\"report_info\">").append(HtmlReport.esc(labels.text(
        "wdr.label.report_info"))).append("</h2>\n");
    JsonArray info = new JsonArray();
    for (JsonObject i : List.of(first.getJsonObject("info"), second.getJsonObject("info"))) {
      info.add(new JsonObject().put("range", labels.text(i == first.getJsonObject("info")
              ? "wdr.label.compare_first" : "wdr.label.compare_second"))
          .put("begin_snapshot", i.getLong("begin_snapshot_id"))
          .put("end_snapshot", i.getLong("end_snapshot_id"))
          .put("begin", HtmlReport.ts(i.getLong("begin_ts")))
          .put("end", HtmlReport.ts(i.getLong("end_ts"))).put("elapsed_s", i.getValue("elapsed_s"))
          .put("scope", i.getString("scope")));
    }
    HtmlReport.table(sb, info, labels);
    JsonObject notes = new JsonObject();
    if (d.getJsonArray("changed_most").isEmpty()) {
      notes.put("changed_most", new JsonObject().put("id", "wdr.note.nothing_changed"));
    }
    HtmlReport.sections(sb, d.put("section_note_ids", notes), SECTIONS, labels);
    return sb.append("</body></html>\n").toString();
  }

  private static Double value(JsonObject row, String col) {
    return row == null || !(row.getValue(col) instanceof Number n) ? null : n.doubleValue();
  }

  private static Map<String, JsonObject> byKey(JsonArray rows, String key) {
    Map<String, JsonObject> m = new LinkedHashMap<>();
    if (rows != null) {
      rows.forEach(o -> m.put(((JsonObject) o).getString(key), (JsonObject) o));
    }
    return m;
  }

  private static Double pct(double from, double to) {
    return from == 0 ? null : Math.round((to - from) / from * 1000.0) / 10.0;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
