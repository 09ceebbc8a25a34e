package io.snapsync.plugins.wdr.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The report's time model and instance efficiency. DB time is the statements' total time in
 * the window (summed over the nodes in scope); the measured waits ({@code Lock:row} row-lock
 * waits, {@code IO:commit} commit writes) are shown as shares of it and the rest as
 * {@code CPU and other} (parse, plan and execution are not timed apart). Instance
 * efficiency: the block-cache hit ratio of the window; figures the nodes do not measure are
 * listed with the reason instead of a number.
 */
final class TimeModel {

  private TimeModel() {
  }

  static JsonArray timeModel(long dbTimeNanos, Map<String, long[]> waits) {
    JsonArray out = new JsonArray();
    long lock = waits.getOrDefault("Lock:row", new long[2])[1];
    long io = waits.getOrDefault("IO:commit", new long[2])[1];
    out.add(row("DB time (statements)", dbTimeNanos, dbTimeNanos));
    out.add(row("Lock: row-lock waits (Lock:row)", lock, dbTimeNanos));
    out.add(row("IO: commit writes (IO:commit)", io, dbTimeNanos));
    out.add(row("CPU and other (parse, plan, execute)", Math.max(0, dbTimeNanos - lock - io),
        dbTimeNanos));
    return out;
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
    out.add(new JsonObject().put("ratio", "plan cache hit %").put("value", null)
        .put("note", "not measured: the plan cache keeps no hit counters yet"));
    out.add(new JsonObject().put("ratio", "commit group size").put("value", null)
        .put("note", "not measured: the commit path keeps no group counters yet"));
    return out;
  }

  private static long num(Object v) {
    return v instanceof Number n ? n.longValue() : 0L;
  }
}
