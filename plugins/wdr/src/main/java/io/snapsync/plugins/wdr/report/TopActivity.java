package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's "top activity" from active session history (category {@code active_sessions}):
 * differences of cumulative sample counts between the two snapshots, summed over the nodes in
 * scope. {@code samples} is how many times a session was seen active; with the sampling
 * interval it estimates DB time ({@code est_db_time_s}); {@code share_pct} is the share of all
 * active samples. A node sampled in only one of the snapshots (or that restarted, resetting
 * its counts) does not count; when no node has samples the section says why.
 */
final class TopActivity {

  private final long samples;
  private final Map<String, Long> byEvent = new TreeMap<>();
  private final Map<String, Map<String, Long>> byQuery = new HashMap<>();
  private final double secondsPerSample;
  private final JsonObject why;

  TopActivity(List<String> nodes, Map<String, JsonObject> begin, Map<String, JsonObject> end) {
    long total = 0;
    long rounds = 0;
    double weighted = 0;
    boolean any = false;
    for (String n : nodes) {
      JsonObject b = ReportBuilder.cat(begin, n, "active_sessions");
      JsonObject e = ReportBuilder.cat(end, n, "active_sessions");
      if (!e.containsKey("rounds") || !b.containsKey("rounds")
          || e.getLong("rounds") < b.getLong("rounds")) {
        continue;
      }
      any = true;
      rounds += e.getLong("rounds") - b.getLong("rounds");
      JsonObject be = b.getJsonObject("by_event", new JsonObject());
      JsonObject ee = e.getJsonObject("by_event", new JsonObject());
      for (String k : ee.fieldNames()) {
        long d = ee.getLong(k) - be.getLong(k, 0L);
        if (d > 0) {
          byEvent.merge(k, d, Long::sum);
          total += d;
          weighted += d * (double) e.getLong("interval_s", 1L);
        }
      }
      Map<String, JsonObject> before = new HashMap<>();
      b.getJsonArray("by_query", new JsonArray()).forEach(o -> before.put(
          ((JsonObject) o).getString("query"), ((JsonObject) o).getJsonObject("by_event")));
      for (Object o : e.getJsonArray("by_query", new JsonArray())) {
        JsonObject q = (JsonObject) o;
        JsonObject was = before.getOrDefault(q.getString("query"), new JsonObject());
        JsonObject now = q.getJsonObject("by_event", new JsonObject());
        for (String k : now.fieldNames()) {
          long d = now.getLong(k) - was.getLong(k, 0L);
          if (d > 0) {
            byQuery.computeIfAbsent(q.getString("query"), x -> new TreeMap<>())
                .merge(k, d, Long::sum);
          }
        }
      }
    }
    this.samples = total;
    this.secondsPerSample = total == 0 ? 0 : weighted / total;
    this.why = !any ? ReportBuilder.note("wdr.note.ash_none")
        : rounds == 0 ? ReportBuilder.note("wdr.note.ash_no_round")
        : total == 0 ? ReportBuilder.note("wdr.note.ash_idle", String.valueOf(rounds))
        : null;
  }

  /** Why the sections are empty (a catalog message as JSON), or null when they have rows. */
  JsonObject why() {
    return why;
  }

  /** Samples per wait event ({@code CPU} or {@code <type>:<event>}), most first. */
  JsonArray byEvent() {
    JsonArray out = new JsonArray();
    byEvent.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(x -> {
          int colon = x.getKey().indexOf(':');
          out.add(new JsonObject()
              .put("wait_class", colon < 0 ? x.getKey() : x.getKey().substring(0, colon))
              .put("wait_event", colon < 0 ? null : x.getKey().substring(colon + 1))
              .put("samples", x.getValue()).put("share_pct", pct(x.getValue()))
              .put("est_db_time_s", round(x.getValue() * secondsPerSample)));
        });
    return out;
  }

  /** Samples per statement with its top wait event, most first, at most {@code top}. */
  JsonArray byStatement(int top) {
    JsonArray out = new JsonArray();
    byQuery.entrySet().stream()
        .map(x -> Map.entry(x.getKey(), x.getValue()))
        .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> x) ->
            sum(x.getValue())).reversed().thenComparing(Map.Entry::getKey))
        .limit(top)
        .forEach(x -> {
          long s = sum(x.getValue());
          String topEvent = x.getValue().entrySet().stream()
              .max(Map.Entry.<String, Long>comparingByValue()).map(Map.Entry::getKey)
              .orElse("");
          out.add(new JsonObject().put("query", x.getKey()).put("samples", s)
              .put("share_pct", pct(s)).put("top_event", topEvent)
              .put("top_event_pct", pct(x.getValue().getOrDefault(topEvent, 0L))));
        });
    return out;
  }

  /** Active samples per wait class, as {@code {class: samples}}. */
  Map<String, Long> byClass() {
    Map<String, Long> m = new TreeMap<>();
    byEvent.forEach((k, v) -> {
      int colon = k.indexOf(':');
      m.merge(colon < 0 ? k : k.substring(0, colon), v, Long::sum);
    });
    return m;
  }

  long samples() {
    return samples;
  }

  private double pct(long v) {
    return samples == 0 ? 0.0 : round(100.0 * v / samples);
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
