package io.snapsync.core.txn;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a WARNING when a snapshot keeps more bytes from reclaim than the setting
 * {@code snapshot_holdback_warning} (kB; 0 = off): once per snapshot per crossing, so a
 * snapshot that drops below the threshold and crosses it again warns again. Run by the
 * database's reclaim timer. Thread-safe (guarded by {@code this}).
 */
public final class HoldbackWarnings {

  private static final Logger LOG = LoggerFactory.getLogger(HoldbackWarnings.class);

  private final Set<String> above = new HashSet<>();

  /** Checks {@code costs} against {@code thresholdKb}; returns the messages logged now. */
  public synchronized java.util.List<Message> check(Map<String, SnapshotCosts.Cost> costs,
      long thresholdKb) {
    java.util.List<Message> logged = new java.util.ArrayList<>();
    above.retainAll(costs.keySet());
    if (thresholdKb <= 0) {
      above.clear();
      return logged;
    }
    long limit = thresholdKb * 1024L;
    for (SnapshotCosts.Cost c : costs.values()) {
      if (c.holdback().bytes() <= limit) {
        above.remove(c.id());
      } else if (above.add(c.id())) {
        Message m = Message.of("durable.holdback_warning", c.id(), c.kind(), c.owner(),
            c.holdback().bytes(), c.holdback().versions(), thresholdKb);
        LOG.warn(MessageCatalog.english(m));
        logged.add(m);
      }
    }
    return logged;
  }
}
