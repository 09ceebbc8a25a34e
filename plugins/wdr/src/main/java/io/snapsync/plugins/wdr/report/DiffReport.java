package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compares two reports of the same scope: load profile rates, statements and wait events side
 * by side with the change in percent. Data and HTML, as {@link ReportBuilder} and
 * {@link HtmlReport}.
 */
final class DiffReport {

  private final JsonObject first;
  private final JsonObject second;
  private final int top;

  DiffReport(JsonObject first, JsonObject second, int top) {
    this.first = first;
    this.second = second;
    this.top = top;
  }

  JsonObject build() {
    return new JsonObject()
        .put("info", new JsonObject().put("first", first.getJsonObject("info"))
            .put("second", second.getJsonObject("info")))
        .put("load_profile", loadProfile())
        .put("statements", statements())
        .put("waits", waits());
  }

  private JsonArray loadProfile() {
    Map<String, JsonObject> b = byKey(second.getJsonArray("load_profile"), "metric");
    JsonArray out = new JsonArray();
    for (Object o : first.getJsonArray("load_profile")) {
      JsonObject a = (JsonObject) o;
      JsonObject c = b.getOrDefault(a.getString("metric"), new JsonObject());
      double x = a.getDouble("per_second", 0.0);
      double y = c.getDouble("per_second", 0.0);
      out.add(new JsonObject().put("metric", a.getString("metric"))
          .put("first_per_second", x).put("second_per_second", y).put("change_pct", pct(x, y))
          .put("first_per_transaction", a.getDouble("per_transaction", 0.0))
          .put("second_per_transaction", c.getDouble("per_transaction", 0.0)));
    }
    return out;
  }

  private JsonArray statements() {
    Map<String, JsonObject> a = byKey(first.getJsonArray("statements"), "query");
    Map<String, JsonObject> b = byKey(second.getJsonArray("statements"), "query");
    Map<String, JsonObject> all = new LinkedHashMap<>();
    for (String q : a.keySet()) {
      all.put(q, row(q, a.get(q), b.get(q)));
    }
    for (String q : b.keySet()) {
      all.putIfAbsent(q, row(q, null, b.get(q)));
    }
    JsonArray out = new JsonArray();
    all.values().stream()
        .sorted(Comparator.comparingDouble((JsonObject r) -> Math.max(
            r.getDouble("first_total_ms"), r.getDouble("second_total_ms"))).reversed())
        .limit(top).forEach(out::add);
    return out;
  }

  private static JsonObject row(String q, JsonObject a, JsonObject b) {
    JsonObject x = a == null ? new JsonObject() : a;
    JsonObject y = b == null ? new JsonObject() : b;
    return new JsonObject().put("query", q)
        .put("first_calls", x.getLong("calls", 0L)).put("second_calls", y.getLong("calls", 0L))
        .put("first_total_ms", x.getDouble("total_ms", 0.0))
        .put("second_total_ms", y.getDouble("total_ms", 0.0))
        .put("first_mean_ms", x.getDouble("mean_ms", 0.0))
        .put("second_mean_ms", y.getDouble("mean_ms", 0.0))
        .put("mean_change_pct", pct(x.getDouble("mean_ms", 0.0), y.getDouble("mean_ms", 0.0)));
  }

  private JsonArray waits() {
    Map<String, JsonObject> a = byKey(first.getJsonArray("waits"), "event");
    Map<String, JsonObject> b = byKey(second.getJsonArray("waits"), "event");
    Map<String, Boolean> events = new LinkedHashMap<>();
    a.keySet().forEach(k -> events.put(k, true));
    b.keySet().forEach(k -> events.put(k, true));
    JsonArray out = new JsonArray();
    for (String e : events.keySet()) {
      double x = a.getOrDefault(e, new JsonObject()).getDouble("total_ms", 0.0);
      double y = b.getOrDefault(e, new JsonObject()).getDouble("total_ms", 0.0);
      out.add(new JsonObject().put("event", e).put("first_total_ms", x)
          .put("second_total_ms", y).put("change_pct", pct(x, y)));
    }
    return out;
  }

  String html() {
    JsonObject d = build();
    StringBuilder sb = new StringBuilder(16_384);
    JsonObject i1 = first.getJsonObject("info");
    JsonObject i2 = second.getJsonObject("info");
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>WDR Compare Report</title><style>").append(HtmlReport.CSS)
        .append("</style></head><body>\n<h1>WDR Compare Report (snapsync)</h1>\n")
        .append("<h2 id=\"report_info\">Report Information</h2>\n");
    JsonArray info = new JsonArray();
    for (JsonObject i : new JsonObject[] {i1, i2}) {
      info.add(new JsonObject().put("range", i == i1 ? "first" : "second")
          .put("begin_snapshot", i.getLong("begin_snapshot_id"))
          .put("end_snapshot", i.getLong("end_snapshot_id"))
          .put("begin", HtmlReport.ts(i.getLong("begin_ts")))
          .put("end", HtmlReport.ts(i.getLong("end_ts"))).put("elapsed_s", i.getValue("elapsed_s"))
          .put("scope", i.getString("scope")));
    }
    HtmlReport.table(sb, info);
    sb.append("<h2 id=\"load_profile\">Load Profile</h2>\n");
    HtmlReport.table(sb, d.getJsonArray("load_profile"));
    sb.append("<h2 id=\"statements\">Top Statements</h2>\n");
    HtmlReport.table(sb, d.getJsonArray("statements"));
    sb.append("<h2 id=\"waits\">Wait Events</h2>\n");
    HtmlReport.table(sb, d.getJsonArray("waits"));
    return sb.append("</body></html>\n").toString();
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
}
