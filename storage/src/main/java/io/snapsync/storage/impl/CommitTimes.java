package io.snapsync.storage.impl;

import io.snapsync.storage.CommitHistory;
import io.snapsync.storage.Snapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The {@link CommitHistory}: meta keys {@code commit_time/<8-byte millis>} holding the highest
 * commit seq recorded at that millisecond, written in the commit's own batch. In memory the
 * same map, millis to seq. Guarded by the {@link CommitPipeline}'s monitor, so that a commit's
 * seq and its time are assigned together and a lookup sees every commit assigned before it.
 *
 * <p>Invariant while on: the first entry is the oldest moment available (the window's start,
 * or the moment the window was turned on) and every commit after it has an entry.
 */
final class CommitTimes implements CommitHistory {

  private static final byte[] PREFIX = "commit_time/".getBytes(StandardCharsets.UTF_8);

  private final RocksHandles h;
  private final Guard guard;
  private final Clock clock;
  private final CommitPipeline pipe;
  private final TreeMap<Long, Long> seqAtMillis = new TreeMap<>();
  private volatile long retentionMillis;
  /** Highest time recorded: recorded times never decrease, even if the clock steps back. */
  private long lastMillis = Long.MIN_VALUE;

  CommitTimes(RocksHandles h, Guard guard, Clock clock, CommitPipeline pipe) {
    this.h = h;
    this.guard = guard;
    this.clock = clock;
    this.pipe = pipe;
  }

  /** Loads the persisted entries at open (the retention is set afterwards). */
  void recover() throws RocksDBException {
    synchronized (pipe) {
      try (RocksIterator it = h.db.newIterator(h.meta)) {
        for (it.seek(PREFIX); it.isValid() && isEntry(it.key()); it.next()) {
          seqAtMillis.put(KeyCodec.getLong(it.key(), PREFIX.length) ^ Long.MIN_VALUE,
              KeyCodec.getLong(it.value(),
              0));
        }
        it.status();
      }
      if (!seqAtMillis.isEmpty()) {
        lastMillis = seqAtMillis.lastKey();
      }
    }
  }

  /** Called under the pipeline's monitor when {@code seq} is assigned: records its time. */
  void record(long seq, org.rocksdb.WriteBatch batch) throws RocksDBException {
    if (retentionMillis <= 0) {
      return;
    }
    long at = now();
    seqAtMillis.put(at, seq);
    batch.put(h.meta, key(at), KeyCodec.longBytes(seq));
  }

  @Override
  public void setRetention(Duration retention) {
    long millis = Math.max(0, retention.toMillis());
    synchronized (pipe) {
      if (millis > 0 && retentionMillis <= 0) {
        Map.Entry<Long, Long> last = seqAtMillis.lastEntry();
        if (last == null || last.getValue() != pipe.assignedSeqLocked()) {
          // A gap: commits ran while the window was off. Start it afresh, now.
          forgetAll();
          long at = now();
          seqAtMillis.put(at, pipe.assignedSeqLocked());
          put(at, pipe.assignedSeqLocked());
        }
      } else if (millis <= 0 && !seqAtMillis.isEmpty()) {
        forgetAll();
      }
      retentionMillis = millis;
    }
  }

  @Override
  public Duration retention() {
    return Duration.ofMillis(retentionMillis);
  }

  @Override
  public OptionalLong oldestMillis() {
    synchronized (pipe) {
      if (retentionMillis <= 0 || seqAtMillis.isEmpty()) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(seqAtMillis.firstKey());
    }
  }

  @Override
  public Optional<Snapshot> snapshotAt(long epochMillis) {
    long seq;
    synchronized (pipe) {
      if (retentionMillis <= 0 || seqAtMillis.isEmpty()
          || epochMillis < seqAtMillis.firstKey()) {
        return Optional.empty();
      }
      seq = seqAtMillis.floorEntry(epochMillis).getValue();
    }
    pipe.awaitPublished(seq);
    return Optional.of(new Snapshot(seq));
  }

  @Override
  public List<long[]> entries() {
    synchronized (pipe) {
      List<long[]> out = new ArrayList<>();
      seqAtMillis.forEach((at, seq) -> out.add(new long[] {seq, at}));
      return out;
    }
  }

  /**
   * The oldest commit seq a state inside the window needs ({@code Long.MAX_VALUE} when off),
   * and prunes the entries before the window's start: the newest entry at or before
   * {@code now - retention} stays, as the state at the window's start.
   */
  long horizonAndPrune() {
    synchronized (pipe) {
      if (retentionMillis <= 0 || seqAtMillis.isEmpty()) {
        return Long.MAX_VALUE;
      }
      long cutoff = clock.millis() - retentionMillis;
      Long start = seqAtMillis.floorKey(cutoff);
      if (start != null && start > seqAtMillis.firstKey()) {
        seqAtMillis.headMap(start, false).clear();
        deleteRange(Long.MIN_VALUE, start);
      }
      return seqAtMillis.firstEntry().getValue();
    }
  }

  private long now() {
    lastMillis = Math.max(lastMillis, clock.millis());
    return lastMillis;
  }

  private void forgetAll() {
    seqAtMillis.clear();
    deleteRange(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private void put(long at, long seq) {
    guard.enter();
    try {
      h.db.put(h.meta, h.syncWrite, key(at), KeyCodec.longBytes(seq));
    } catch (RocksDBException e) {
      throw RocksStore.io("record commit time at " + h.path, e);
    } finally {
      guard.exit();
    }
  }

  /** Deletes entries with {@code from <= millis < to}. */
  private void deleteRange(long from, long to) {
    guard.enter();
    try {
      h.db.deleteRange(h.meta, h.syncWrite, key(from), key(to));
    } catch (RocksDBException e) {
      throw RocksStore.io("prune commit times at " + h.path, e);
    } finally {
      guard.exit();
    }
  }

  private static byte[] key(long millis) {
    byte[] k = Arrays.copyOf(PREFIX, PREFIX.length + 8);
    // Sign bit flipped so that byte order is numeric order for negative millis too.
    System.arraycopy(KeyCodec.longBytes(millis ^ Long.MIN_VALUE), 0, k, PREFIX.length, 8);
    return k;
  }

  private static boolean isEntry(byte[] k) {
    return k.length == PREFIX.length + 8
        && Arrays.equals(k, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
  }
}
