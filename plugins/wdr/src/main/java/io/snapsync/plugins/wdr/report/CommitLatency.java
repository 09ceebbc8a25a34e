package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commit latency percentiles of a report window from the nodes' cumulative bucket counts
 * ({@code phases.commit_latency_us}: upper bound in microseconds to count): the window's
 * counts are the differences, summed over the nodes in scope, and a percentile is the upper
 * bound of the bucket holding it (so a figure is never below the true one, and at most 2.5
 * times it on the 1-2-5 scale).
 */
final class CommitLatency {

  private final Map<String, Long> window = new LinkedHashMap<>();
  private long total;

  CommitLatency(List<String> nodes, Map<String, JsonObject> begin, Map<String, JsonObject> end) {
    for (String n : nodes) {
      JsonObject e = ReportBuilder.cat(end, n, "phases").getJsonObject("commit_latency_us",
          new JsonObject());
      JsonObject b = ReportBuilder.cat(begin, n, "phases").getJsonObject("commit_latency_us",
          new JsonObject());
      for (String bound : e.fieldNames()) {
        long d = e.getLong(bound, 0L) - b.getLong(bound, 0L);
        window.merge(bound, Math.max(0, d), Long::sum);
        total += Math.max(0, d);
      }
    }
  }

  /** Commits with writes in the window. */
  long commits() {
    return total;
  }

  /** The {@code p}-th percentile (0 < p < 100) in milliseconds, null without commits. */
  Double percentileMs(double p) {
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(p / 100.0 * total);
    long seen = 0;
    for (Map.Entry<String, Long> e : window.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        // above the last bound: shown as the last bound (100 s)
        return (e.getKey().equals("inf") ? io.snapsync.core.stats.PhaseStats.BOUNDS_US[
            io.snapsync.core.stats.PhaseStats.BOUNDS_US.length - 1]
            : Long.parseLong(e.getKey())) / 1000.0;
      }
    }
    return null;
  }
}
