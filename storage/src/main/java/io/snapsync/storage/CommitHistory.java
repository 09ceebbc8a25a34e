package io.snapsync.storage;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The store's history window: while the retention is positive, every commit's time is recorded
 * (persisted with the commit, pruned with the window) and reclaim keeps every version a state
 * inside the window needs, so a moment maps to a commit sequence exactly: the newest commit
 * whose recorded time is at or before the moment.
 *
 * <p>Recorded times come from the store's clock and never decrease in commit order. Turning
 * the window on starts it at that moment (the state then is the oldest available); turning it
 * off forgets the recorded times. Thread-safe; {@link #setRetention} and {@link #snapshotAt}
 * may do I/O (worker threads only).
 */
public interface CommitHistory {

  /** Sets the window; {@link Duration#ZERO} turns it off. */
  void setRetention(Duration retention);

  Duration retention();

  /** The oldest moment whose state is still available (epoch millis); empty when off. */
  OptionalLong oldestMillis();

  /**
   * The committed state as of {@code epochMillis}: every commit recorded at or before it. A
   * moment at or after the newest commit gives the latest state (waiting for commits in flight
   * to be published). Empty when the window is off or the moment is older than
   * {@link #oldestMillis()}. The snapshot is not pinned: pin it before the window moves on.
   */
  Optional<Snapshot> snapshotAt(long epochMillis);

  /** Recorded (commit seq, epoch millis) pairs, oldest first; for tests and diagnostics. */
  java.util.List<long[]> entries();
}
