package io.snapsync.core.txn;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.storage.CommitHistory;
import io.snapsync.storage.Snapshot;
import java.time.Instant;

/**
 * Maps a moment to the snapshot of the state committed then, through the store's history
 * window, with the user-facing errors: the window is off (55000), the moment is in the future
 * (22023), or older than the oldest moment still available (72000, naming that moment).
 */
final class PastMoments {

  private PastMoments() {
  }

  static Snapshot snapshotAt(CommitHistory history, long momentMillis, long nowMillis) {
    if (history.retention().isZero()) {
      throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "durable.history_off").withHint("durable.history_off.hint");
    }
    if (momentMillis > nowMillis) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "durable.moment_future",
          text(momentMillis), text(nowMillis));
    }
    return history.snapshotAt(momentMillis).orElseThrow(() -> tooOld(history, momentMillis));
  }

  static SnapsyncException tooOld(CommitHistory history, long momentMillis) {
    String oldest = history.oldestMillis().isPresent()
        ? text(history.oldestMillis().getAsLong()) : "-";
    return SnapsyncException.error(SqlState.SNAPSHOT_TOO_OLD, "durable.moment_too_old",
        text(momentMillis), oldest).withHint("durable.moment_too_old.hint");
  }

  private static String text(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
