package io.snapsync.core.sql.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans by statement text and parameter types. An entry is only used after
 * {@link PreparedQuery#validFor} confirms the catalog it was planned against is the one the
 * using transaction sees, which covers transactional DDL without a global version. Bounded
 * (least recently used out); thread-safe.
 */
final class PlanCache {

  static final int MAX = 2048;

  /** A plan and the statistics epoch it was made under (ANALYZE invalidates it). */
  private record Entry(PreparedQuery plan, long statsEpoch) {
  }

  private final Map<String, Entry> plans = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> e) {
      return size() > MAX;
    }
  };

  synchronized PreparedQuery get(String key) {
    Entry e = plans.get(key);
    return e == null || e.statsEpoch() != io.snapsync.core.sql.index.TableStats.epoch() ? null
        : e.plan();
  }

  synchronized void put(String key, PreparedQuery q) {
    plans.put(key, new Entry(q, io.snapsync.core.sql.index.TableStats.epoch()));
  }

  synchronized int size() {
    return plans.size();
  }
}
