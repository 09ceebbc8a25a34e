package io.snapsync.storage.impl;

import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pinned snapshots (explicit pins and the snapshots of open transactions) as sorted multisets
 * of commit sequence numbers. Thread-safe (guarded by {@code this}).
 */
final class PinRegistry {

  private final Clock clock;
  private final TreeMap<Long, Integer> pinned = new TreeMap<>();
  private final TreeMap<Long, Integer> transactions = new TreeMap<>();
  /** Explicit pins in the order they were taken: the first is the oldest. */
  private final LinkedHashSet<Pin> pins = new LinkedHashSet<>();
  /** Highest horizon a reclaim has used. */
  private long floor;

  PinRegistry(Clock clock) {
    this.clock = clock;
  }

  SnapshotPin pin(Snapshot snapshot) {
    Pin p = new Pin(snapshot, clock.millis());
    synchronized (this) {
      checkNotReclaimed(snapshot.commitSeq());
      add(pinned, snapshot.commitSeq());
      pins.add(p);
    }
    return p;
  }

  /** Registers a transaction at {@code last.getAsLong()}, read under the registry's monitor. */
  synchronized long addTransactionAtLatest(java.util.function.LongSupplier last) {
    long seq = last.getAsLong();
    add(transactions, seq);
    return seq;
  }

  synchronized long moveTransactionToLatest(long from, java.util.function.LongSupplier last) {
    long seq = last.getAsLong();
    remove(transactions, from);
    add(transactions, seq);
    return seq;
  }

  SnapshotPin pinLatest(java.util.function.LongSupplier last) {
    long now = clock.millis();
    synchronized (this) {
      Pin p = new Pin(new Snapshot(last.getAsLong()), now);
      add(pinned, p.snapshot.commitSeq());
      pins.add(p);
      return p;
    }
  }

  synchronized void addTransaction(long seq) {
    checkNotReclaimed(seq);
    add(transactions, seq);
  }

  synchronized void removeTransaction(long seq) {
    remove(transactions, seq);
  }

  synchronized void moveTransaction(long from, long to) {
    checkNotReclaimed(to);
    remove(transactions, from);
    add(transactions, to);
  }

  /**
   * The oldest commit seq any pin or open transaction may read, capped at {@code last}; the
   * caller (reclaim) may drop what only older snapshots see. Raises the floor below which
   * snapshots can no longer be registered.
   */
  synchronized long horizon(long last) {
    long h = last;
    if (!pinned.isEmpty()) {
      h = Math.min(h, pinned.firstKey());
    }
    if (!transactions.isEmpty()) {
      h = Math.min(h, transactions.firstKey());
    }
    floor = Math.max(floor, h);
    return h;
  }

  /**
   * A snapshot not registered (pinned or in use by a transaction) while reclaim ran may have
   * lost versions: refuse it rather than read a wrong state. Happens only when reclaim passes
   * between taking a snapshot and using it; retrying with a new snapshot succeeds.
   */
  private void checkNotReclaimed(long seq) {
    if (seq < floor) {
      throw new StorageException(Kind.SERIALIZATION_FAILURE, "snapshot too old: " + seq
          + " is below the reclaim horizon " + floor);
    }
  }

  synchronized long livePins() {
    return pins.size();
  }

  synchronized long oldestPinAgeMillis() {
    if (pins.isEmpty()) {
      return 0;
    }
    long oldest = Long.MAX_VALUE;
    for (Pin p : pins) {
      oldest = Math.min(oldest, p.pinnedAt);
    }
    return Math.max(0, clock.millis() - oldest);
  }

  private static void add(Map<Long, Integer> set, long seq) {
    set.merge(seq, 1, Integer::sum);
  }

  private static void remove(Map<Long, Integer> set, long seq) {
    set.computeIfPresent(seq, (k, n) -> n == 1 ? null : n - 1);
  }

  private final class Pin implements SnapshotPin {
    private final Snapshot snapshot;
    private final long pinnedAt;
    private boolean closed;

    Pin(Snapshot snapshot, long pinnedAt) {
      this.snapshot = snapshot;
      this.pinnedAt = pinnedAt;
    }

    @Override
    public Snapshot snapshot() {
      return snapshot;
    }

    @Override
    public long pinnedAtMillis() {
      return pinnedAt;
    }

    @Override
    public void close() {
      synchronized (PinRegistry.this) {
        if (closed) {
          return;
        }
        closed = true;
        remove(pinned, snapshot.commitSeq());
        pins.remove(this);
      }
    }
  }
}
