package io.snapsync.core.txn;

import io.snapsync.core.settings.SettingsRegistry;
import io.snapsync.storage.CommitHistory;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Keeps the store's history window equal to the node setting
 * {@code snapshot_history_retention} (seconds, 0 = off): applied at open, on every change, and
 * again before each reclaim and each {@code snapsync_snapshot_at} (so a change is in force at
 * once for them, whenever its listener runs).
 */
public final class SnapshotHistory {

  /** The setting's name. */
  public static final String SETTING = "snapshot_history_retention";

  private SnapshotHistory() {
  }

  /**
   * Applies the setting now (blocking) and after each change through {@code blocking} (the
   * change listener may run on an event loop; the store does I/O).
   */
  public static void follow(CommitHistory history, SettingsRegistry settings,
      Function<Callable<Void>, Future<Void>> blocking) {
    apply(history, settings);
    settings.addListener((name, value) -> {
      if (SETTING.equals(name)) {
        blocking.apply(() -> {
          apply(history, settings);
          return null;
        });
      }
    });
  }

  /** Applies the setting now (blocking; no I/O when it did not change). */
  public static void apply(CommitHistory history, SettingsRegistry settings) {
    history.setRetention(Duration.ofSeconds(settings.nodeLong(SETTING)));
  }
}
