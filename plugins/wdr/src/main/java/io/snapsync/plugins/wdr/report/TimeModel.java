package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The report's time model and instance efficiency. DB time is the statements' total time in
 * the window (summed over the nodes in scope); the measured parts are shown as shares of it:
 * row-lock waits ({@code Lock:row}), commit writes ({@code IO:commit}), parsing and planning of
 * queries the plan cache did not hold, and the rest as execution and other. Instance
 * efficiency: the window's block-cache and plan-cache hit ratios, the RocksDB write group size
 * (writes done per writer leading a group) and commit latency p50/p99; a figure without data
 * in the window says why instead of a number.
 */
final class TimeModel {

  private TimeModel() {
  }

  static JsonArray timeModel(long dbTimeNanos, Map<String, long[]> waits, List<String> nodes,
      Map<String, JsonObject> begin, Map<String, JsonObject> end) {
    JsonArray out = new JsonArray();
    long lock = waits.getOrDefault("Lock:row", new long[2])[1];
    long io = waits.getOrDefault("IO:commit", new long[2])[1];
    long parse = delta(nodes, begin, end, "phases", "parse_ns");
    long plan = delta(nodes, begin, end, "phases", "plan_ns");
    out.add(row("DB time (statements)", dbTimeNanos, dbTimeNanos));
    out.add(row("Lock: row-lock waits (Lock:row)", lock, dbTimeNanos));
    out.add(row("IO: commit writes (IO:commit)", io, dbTimeNanos));
    out.add(row("CPU: execute and other", Math.max(0, dbTimeNanos - lock - io - parse - plan),
        dbTimeNanos));
    out.add(row("CPU: parse (plan-cache misses)", parse, dbTimeNanos));
    out.add(row("CPU: plan (plan-cache misses)", plan, dbTimeNanos));
    return out;
  }

  private static long delta(List<String> nodes, Map<String, JsonObject> begin,
      Map<String, JsonObject> end, String cat, String key) {
    long sum = 0;
    for (String n : nodes) {
      sum += num(ReportBuilder.cat(end, n, cat).getValue(key))
          - num(ReportBuilder.cat(begin, n, cat).getValue(key));
    }
    return sum;
  }

  private static JsonObject row(String component, long nanos, long db) {
    return new JsonObject().put("component", component)
        .put("time_ms", Math.round(nanos / 1000.0) / 1000.0)
        .put("share_of_db_time_pct", db <= 0 ? null
            : Math.round(10000.0 * nanos / db) / 100.0);
  }

  /**
   * Ratios over the window: block-cache hits ({@code block_cache_hit}/({@code hit}+{@code
   * miss}) of the RocksDB counters); plan-cache hit ratio and commit group size have no
   * counters in this version and say so.
   */
  static JsonArray efficiency(List<String> nodes, Map<String, JsonObject> begin,
      Map<String, JsonObject> end) {
    long hit = 0;
    long miss = 0;
    boolean storage = false;
    for (String n : nodes) {
      JsonObject b = ReportBuilder.cat(begin, n, "rocksdb");
      JsonObject e = ReportBuilder.cat(end, n, "rocksdb");
      if (e.getValue("block_cache_hit") instanceof Number h
          && e.getValue("block_cache_miss") instanceof Number m) {
        storage = true;
        hit += h.longValue() - num(b.getValue("block_cache_hit"));
        miss += m.longValue() - num(b.getValue("block_cache_miss"));
      }
    }
    JsonArray out = new JsonArray();
    out.add(new JsonObject().put("ratio", "block cache hit %")
        .put("value", storage && hit + miss > 0 ? Math.round(10000.0 * hit / (hit + miss)) / 100.0
            : null)
        .put("note", !storage ? "no node in scope has storage"
            : hit + miss == 0 ? "no block reads in the window" : hit + " hits, " + miss
                + " misses"));
    long hits = delta(nodes, begin, end, "phases", "plan_cache_hits");
    long misses = delta(nodes, begin, end, "phases", "plan_cache_misses");
    out.add(new JsonObject().put("ratio", "plan cache hit %")
        .put("value", hits + misses > 0 ? Math.round(10000.0 * hits / (hits + misses)) / 100.0
            : null)
        .put("note", hits + misses == 0 ? "no query was planned in the window"
            : hits + " hits, " + misses + " misses"));
    long self = delta(nodes, begin, end, "rocksdb", "write_done_by_self");
    long other = delta(nodes, begin, end, "rocksdb", "write_done_by_other");
    out.add(new JsonObject().put("ratio", "commit group size")
        .put("value", self > 0 ? Math.round(100.0 * (self + other) / self) / 100.0 : null)
        .put("note", !storage ? "no node in scope has storage"
            : self == 0 ? "no store write in the window"
            : (self + other) + " writes in " + self + " RocksDB write groups"));
    CommitLatency latency = new CommitLatency(nodes, begin, end);
    String none = latency.commits() == 0 ? "no transaction with writes committed in the window"
        : latency.commits() + " commits; upper bound of the bucket holding it";
    out.add(new JsonObject().put("ratio", "commit latency p50 ms")
        .put("value", latency.percentileMs(50)).put("note", none));
    out.add(new JsonObject().put("ratio", "commit latency p99 ms")
        .put("value", latency.percentileMs(99)).put("note", none));
    return out;
  }

  private static long num(Object v) {
    return v instanceof Number n ? n.longValue() : 0L;
  }
}
