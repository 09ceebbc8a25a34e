package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.Snapshot;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history window on a real RocksDB with an injected clock: every moment in the window maps
 * to exactly the state committed at that moment (checked against a log of the commits and
 * their times), reclaim keeps what the window needs and no more, and the recorded times
 * survive a reopen.
 */
class CommitHistoryTest {

  @TempDir
  Path dir;
  Store store;
  final ReclaimTest.ManualClock clock = new ReclaimTest.ManualClock();
  /** The test's own log: commit time (millis) to the state of key "k" after that commit. */
  final TreeMap<Long, String> log = new TreeMap<>();

  @BeforeEach
  void open() {
    store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false).withClock(clock));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void reopen() {
    store.close();
    open();
  }

  private void commit(String value) {
    StoreTransaction tx = store.begin();
    if (value == null) {
      tx.delete(b("k"));
    } else {
      tx.put(b("k"), b(value));
    }
    tx.put(b("other-" + value), b("x"));
    tx.commit();
    log.put(clock.millis(), value);
  }

  private String readAt(Snapshot s) {
    StoreTransaction tx = store.begin(s);
    try {
      return TestSupport.s(tx.get(b("k")));
    } finally {
      tx.rollback();
    }
  }

  private long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void everyMomentInTheWindowReadsExactlyWhatWasCommittedThen() {
    store.history().setRetention(Duration.ofHours(1));
    long start = clock.millis();
    commit("v0");
    // Irregular gaps, several commits in one millisecond, deletions.
    for (int i = 1; i <= 60; i++) {
      clock.advance(Duration.ofMillis(ThreadLocalRandom.current().nextInt(0, 20_000)));
      commit(i % 7 == 0 ? null : "v" + i);
    }
    store.reclaim();
    long end = clock.millis();
    for (long t = start; t <= end; t += 997) {
      String expected = log.floorEntry(t).getValue();
      assertEquals(expected, readAt(store.history().snapshotAt(t).orElseThrow()), "at " + t);
    }
    for (long t : log.keySet()) {
      assertEquals(log.get(t), readAt(store.history().snapshotAt(t).orElseThrow()));
      if (t > start) {
        assertEquals(log.lowerEntry(t).getValue(),
            readAt(store.history().snapshotAt(t - 1).orElseThrow()), "just before " + t);
      }
    }
    assertEquals(OptionalLong.of(start), store.history().oldestMillis());
    assertEquals(Optional.empty(), store.history().snapshotAt(start - 1));
  }

  @Test
  void reclaimKeepsTheWindowAndPrunesWhatFallsOutOfIt() {
    store.history().setRetention(Duration.ofMinutes(10));
    commit("a");
    clock.advance(Duration.ofMinutes(5));
    commit("b");
    clock.advance(Duration.ofMinutes(5));
    long atC = clock.millis();
    commit("c");
    clock.advance(Duration.ofMinutes(1));
    commit("d");
    assertEquals(0, store.reclaim(), "every version is still inside the window");
    clock.advance(Duration.ofMinutes(5));
    // Window start = now - 10 min = 1 min after "b": the state then is "b"; "a" may go.
    long windowStart = clock.millis() - Duration.ofMinutes(10).toMillis();
    assertTrue(store.reclaim() > 0, "versions only the state before \"b\" needed");
    assertEquals("b", readAt(store.history().snapshotAt(windowStart).orElseThrow()));
    assertEquals(OptionalLong.of(atC - Duration.ofMinutes(5).toMillis()),
        store.history().oldestMillis(), "the oldest moment is b's commit, still the state");
    assertEquals(Optional.empty(), store.history().snapshotAt(atC - Duration.ofMinutes(6)
        .toMillis()), "a moment before the window's start");
    assertEquals("c", readAt(store.history().snapshotAt(atC).orElseThrow()));

    store.history().setRetention(Duration.ZERO);
    assertEquals(OptionalLong.empty(), store.history().oldestMillis());
    assertTrue(store.reclaim() > 0, "off: only pins bound reclaim");
    StoreTransaction now = store.begin();
    assertEquals(List.of("k=d", "other-a=x", "other-b=x", "other-c=x", "other-d=x"),
        drain(now.scan(null, null)));
    now.rollback();
  }

  @Test
  void recordedTimesSurviveAReopenAndAGapRestartsTheWindow() {
    store.history().setRetention(Duration.ofHours(1));
    long first = clock.millis();
    commit("a");
    clock.advance(Duration.ofMinutes(1));
    commit("b");
    reopen();
    store.history().setRetention(Duration.ofHours(1));
    assertEquals(OptionalLong.of(first), store.history().oldestMillis());
    assertEquals("a", readAt(store.history().snapshotAt(first).orElseThrow()));

    // Commits while the window is off (as when a node runs with it off, then turns it on).
    reopen();
    clock.advance(Duration.ofMinutes(1));
    commit("c");
    clock.advance(Duration.ofMinutes(1));
    long on = clock.millis();
    store.history().setRetention(Duration.ofHours(1));
    assertEquals(OptionalLong.of(on), store.history().oldestMillis(),
        "times of the off period are unknown: the window starts when it is turned on");
    assertEquals("c", readAt(store.history().snapshotAt(on).orElseThrow()));
    List<long[]> entries = new ArrayList<>(store.history().entries());
    assertEquals(1, entries.size());
  }

  @Test
  void aMomentAfterTheNewestCommitIsTheLatestState() {
    store.history().setRetention(Duration.ofHours(1));
    commit("a");
    clock.advance(Duration.ofMinutes(3));
    assertEquals(store.latestSnapshot(),
        store.history().snapshotAt(millis("2030-01-01T00:00:00Z")).orElseThrow());
  }
}
