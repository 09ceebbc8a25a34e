package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.stats.PhaseStats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code phases}: cumulative parse and plan time of queries planned anew, plan-cache hits and
 * misses, and commit latency bucket counts (upper bound in microseconds to count); the report
 * takes differences for the time model, the efficiency ratios and the window's percentiles.
 */
final class PhasesCollector extends Collectors.Named {

  PhasesCollector() {
    super("phases");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    return Collectors.fromStats(ctx, s -> {
      PhaseStats p = s.phases();
      JsonObject buckets = new JsonObject();
      p.commitLatencyBuckets().forEach(buckets::put);
      return new JsonObject().put("parse_ns", p.parseNanos()).put("plan_ns", p.planNanos())
          .put("plan_cache_hits", p.planCacheHits())
          .put("plan_cache_misses", p.planCacheMisses())
          .put("commit_latency_us", buckets);
    });
  }
}
