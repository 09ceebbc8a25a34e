package io.snapsync.core.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where statements spend their time beside waits, and how well the caches serve them: parse
 * and plan time of queries planned anew, plan-cache hits and misses, and commit latency (the
 * store write of a transaction with writes) as cumulative bucket counts on a 1-2-5 scale of
 * microseconds, from which a window's percentiles follow by differences. Cumulative until
 * {@link #reset}; thread-safe.
 */
public final class PhaseStats {

  /** Upper bounds of the commit latency buckets in microseconds; one more bucket above. */
  public static final long[] BOUNDS_US = bounds();

  private final LongAdder parseNanos = new LongAdder();
  private final LongAdder planNanos = new LongAdder();
  private final LongAdder planCacheHits = new LongAdder();
  private final LongAdder planCacheMisses = new LongAdder();
  private final LongAdder[] commitBuckets = new LongAdder[BOUNDS_US.length + 1];

  public PhaseStats() {
    for (int i = 0; i < commitBuckets.length; i++) {
      commitBuckets[i] = new LongAdder();
    }
  }

  private static long[] bounds() {
    long[] b = new long[22];
    long scale = 10;
    for (int i = 0; i < b.length; i += 3) {
      b[i] = scale;
      if (i + 1 < b.length) {
        b[i + 1] = 2 * scale;
      }
      if (i + 2 < b.length) {
        b[i + 2] = 5 * scale;
      }
      scale *= 10;
    }
    return b;
  }

  /** A plan came from the plan cache. */
  public void planCacheHit() {
    planCacheHits.increment();
  }

  /** A query missed the plan cache and was parsed and planned in the given times. */
  public void planned(long parse, long plan) {
    planCacheMisses.increment();
    parseNanos.add(parse);
    planNanos.add(plan);
  }

  /** A transaction's commit write took {@code nanos}. */
  public void commitLatency(long nanos) {
    long us = nanos / 1000;
    int i = 0;
    while (i < BOUNDS_US.length && us > BOUNDS_US[i]) {
      i++;
    }
    commitBuckets[i].increment();
  }

  public long parseNanos() {
    return parseNanos.sum();
  }

  public long planNanos() {
    return planNanos.sum();
  }

  public long planCacheHits() {
    return planCacheHits.sum();
  }

  public long planCacheMisses() {
    return planCacheMisses.sum();
  }

  /**
   * Commit counts by bucket: the bucket's upper bound in microseconds as text
   * ({@code "inf"} for the last) to its cumulative count, in bound order.
   */
  public Map<String, Long> commitLatencyBuckets() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < commitBuckets.length; i++) {
      m.put(i < BOUNDS_US.length ? String.valueOf(BOUNDS_US[i]) : "inf", commitBuckets[i].sum());
    }
    return m;
  }

  void reset() {
    for (LongAdder a : new LongAdder[] {parseNanos, planNanos, planCacheHits, planCacheMisses}) {
      a.reset();
    }
    for (LongAdder a : commitBuckets) {
      a.reset();
    }
  }
}
