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

  private final Map<String, PreparedQuery> plans = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedQuery> e) {
      return size() > MAX;
    }
  };

  synchronized PreparedQuery get(String key) {
    return plans.get(key);
  }

  synchronized void put(String key, PreparedQuery q) {
    plans.put(key, q);
  }

  synchronized int size() {
    return plans.size();
  }
}
