package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.drain;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreStats;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReclaimTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir
  Path dir;
  Store store;
  final ManualClock clock = new ManualClock();

  @BeforeEach
  void open() {
    store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false).withClock(clock));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void commit(String key, String value) {
    StoreTransaction tx = store.begin(store.latestSnapshot());
    if (value == null) {
      tx.delete(b(key));
    } else {
      tx.put(b(key), b(value));
    }
    tx.commit();
  }

  @Test
  void pinnedSnapshotKeepsItsVersionsUntilUnpinned() {
    commit("a", "1");
    commit("a", "2");
    commit("b", "1");
    Snapshot old = store.latestSnapshot();
    SnapshotPin pin = store.pin(old);
    commit("a", "3");
    commit("a", "4");
    commit("b", null);
    // a: 4 versions, 3 superseded; b: put + tombstone, both pending
    assertEquals(5, store.stats().versionsPendingReclaim());

    // Horizon = the pin: per key the newest version at or below it stays, and all newer ones.
    assertEquals(1, store.reclaim(), "only a@1 is below what the pin sees");
    StoreTransaction reader = store.begin(old);
    assertEquals("2", s(reader.get(b("a"))));
    assertEquals(List.of("a=2", "b=1"), drain(reader.scan(null, null)));
    reader.rollback();
    StoreStats stats = store.stats();
    assertEquals(4, stats.versionsPendingReclaim());
    assertEquals(1, stats.versionsReclaimed());

    pin.close();
    pin.close();
    assertEquals(4, store.reclaim(), "a@2, a@3, b@1 and b's tombstone");
    stats = store.stats();
    assertEquals(0, stats.versionsPendingReclaim());
    assertEquals(5, stats.versionsReclaimed());
    assertEquals(0, store.reclaim());

    StoreTransaction now = store.begin(store.latestSnapshot());
    assertEquals(List.of("a=4"), drain(now.scan(null, null)));
    assertNull(now.get(b("b")));
    now.rollback();
  }

  @Test
  void openTransactionSnapshotIsAnImplicitPin() {
    commit("k", "1");
    StoreTransaction reader = store.begin(store.latestSnapshot());
    commit("k", "2");
    commit("k", "3");
    assertEquals(0, store.reclaim(), "k@1 stays for the open reader, newer ones anyway");
    assertEquals("1", s(reader.get(b("k"))));
    reader.setSnapshot(store.latestSnapshot());
    assertEquals(2, store.reclaim(), "after setSnapshot k@1 and k@2 go");
    assertEquals("3", s(reader.get(b("k"))));
    reader.rollback();
    assertEquals(0, store.stats().versionsPendingReclaim());
  }

  @Test
  void unregisteredSnapshotOlderThanAReclaimIsRefused() {
    commit("k", "1");
    Snapshot taken = store.latestSnapshot();
    commit("k", "2");
    store.reclaim();
    StorageException e = assertThrows(StorageException.class, () -> store.begin(taken));
    assertEquals(StorageException.Kind.SERIALIZATION_FAILURE, e.kind());
    assertThrows(StorageException.class, () -> store.pin(taken));
    StoreTransaction tx = store.begin(store.latestSnapshot());
    assertThrows(StorageException.class, () -> tx.setSnapshot(taken));
    assertEquals("2", s(tx.get(b("k"))));
    tx.rollback();
    assertThrows(IllegalArgumentException.class,
        () -> store.begin(new Snapshot(store.latestSnapshot().commitSeq() + 1)));
    // The atomic forms take the latest snapshot and never fail this way.
    try (SnapshotPin pin = store.pinLatest()) {
      assertEquals(store.latestSnapshot(), pin.snapshot());
    }
    StoreTransaction fresh = store.begin();
    assertEquals(store.latestSnapshot(), fresh.snapshot());
    fresh.rollback();
  }

  @Test
  void statsReportLivePinsAndOldestAge() {
    assertEquals(0, store.stats().liveSnapshots());
    assertEquals(0, store.stats().oldestSnapshotAgeMillis());
    SnapshotPin first = store.pin(store.latestSnapshot());
    clock.advance(Duration.ofSeconds(5));
    SnapshotPin second = store.pin(store.latestSnapshot());
    clock.advance(Duration.ofSeconds(2));
    StoreStats stats = store.stats();
    assertEquals(2, stats.liveSnapshots());
    assertEquals(7000, stats.oldestSnapshotAgeMillis());
    assertEquals(clock.millis() - 7000, first.pinnedAtMillis());
    first.close();
    assertEquals(2000, store.stats().oldestSnapshotAgeMillis());
    second.close();
    assertEquals(0, store.stats().liveSnapshots());
  }

  @Test
  void rocksdbStatisticsHaveStableNames() {
    commit("k", "v");
    var m = store.stats().rocksdb();
    for (String name : List.of("bytes_read", "bytes_written", "keys_read", "keys_written",
        "block_cache_hit", "block_cache_miss", "compaction_bytes_read",
        "compaction_bytes_written", "estimate_num_keys", "memtable_bytes", "sst_bytes",
        "running_compactions")) {
      assertEquals(true, m.containsKey(name), name);
    }
    assertEquals(true, m.get("bytes_written") > 0);
    assertEquals(true, m.get("memtable_bytes") > 0);
    assertEquals(1, store.stats().lastCommitSeq());
  }
}
