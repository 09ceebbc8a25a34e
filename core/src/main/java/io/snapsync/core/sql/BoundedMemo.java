package io.snapsync.core.sql;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Values remembered by key up to a bound, for what every statement would otherwise compute
 * again (parsed texts, plans, decoded definitions). Past {@code max} keys it forgets them all
 * at once: the working set of a node is small, and a full map usually means one-off texts.
 * Values must be immutable. Thread-safe.
 */
public final class BoundedMemo<K, V> {

  private final int max;
  private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();

  public BoundedMemo(int max) {
    this.max = max;
  }

  /** The value remembered for {@code key}, or null. */
  public V get(K key) {
    return values.get(key);
  }

  /** Remembers {@code value} for {@code key}, forgetting everything first when full. */
  public void put(K key, V value) {
    if (values.size() >= max) {
      values.clear();
    }
    values.put(key, value);
  }
}
