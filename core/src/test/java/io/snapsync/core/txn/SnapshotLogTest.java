package io.snapsync.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.sql.Database;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLogTest {

  @TempDir
  Path dir;

  @Test
  void sequenceKeepsGrowingAcrossPurgeAndReopen() {
    SnapshotSemanticsTest.MutableClock clock = new SnapshotSemanticsTest.MutableClock();
    AtomicLong days = new AtomicLong(1);
    ExportedSnapshot s = new ExportedSnapshot("0000000000000001-1", new Snapshot(1), 1, "s",
        "alice", "node1", IsolationLevel.REPEATABLE_READ, true, "snapsync", 0);
    StoreOptions opts = StoreOptions.defaults(dir).withKvSpaces(Database.KV_SPACES)
        .withClock(clock);
    try (Store store = Store.open(opts)) {
      SnapshotLog log = new SnapshotLog(store.space("snapshot_log"), store.space("system"),
          clock, days::get);
      assertEquals(1, log.append("export", s, 1, "alice"));
      assertEquals(2, log.append("release", s, 1, "alice"));
      JsonObject first = log.entries().get(0);
      assertEquals("export", first.getString("event"));
      assertEquals("repeatable read", first.getString("isolation"));
      assertEquals(true, first.getBoolean("read_only"));
      clock.advanceMillis(2 * 86_400_000L);
      assertEquals(2, log.purgeExpired());
      assertEquals(List.of(), log.entries());
    }
    try (Store store = Store.open(opts)) {
      SnapshotLog log = new SnapshotLog(store.space("snapshot_log"), store.space("system"),
          clock, days::get);
      assertEquals(3, log.append("export", s, 1, "alice"));
      days.set(0);
      clock.advanceMillis(100 * 86_400_000L);
      assertEquals(0, log.purgeExpired());
      assertEquals(1, log.entries().size());
    }
  }

  @Test
  void anEventAppendedLaterIsWrittenByTheDrainAndSeenByReaders() {
    SnapshotSemanticsTest.MutableClock clock = new SnapshotSemanticsTest.MutableClock();
    ExportedSnapshot s = new ExportedSnapshot("0000000000000001-1", new Snapshot(1), 1, "s",
        "alice", "node1", IsolationLevel.REPEATABLE_READ, true, "snapsync", 0);
    StoreOptions opts = StoreOptions.defaults(dir).withKvSpaces(Database.KV_SPACES)
        .withClock(clock);
    try (Store store = Store.open(opts)) {
      SnapshotLog log = new SnapshotLog(store.space("snapshot_log"), store.space("system"),
          clock, () -> 0);
      AtomicLong scheduled = new AtomicLong();
      log.drainer(scheduled::incrementAndGet);
      assertEquals(1, log.append("export", s, 1, "alice"));
      assertEquals(2, log.appendLater("release", s, 1, "alice"));
      assertEquals(3, log.appendLater("release", s, 1, "alice"));
      // one drain is scheduled for both; nothing is written until it runs
      assertEquals(1, scheduled.get());
      assertEquals(null, store.space("snapshot_log").get(
          java.nio.ByteBuffer.allocate(8).putLong(2).array()));
      log.drain();
      assertEquals(3, log.entries().size());
      // a reader writes what is pending first
      assertEquals(4, log.appendLater("release", s, 1, "alice"));
      assertEquals(2, scheduled.get());
      List<JsonObject> all = log.entries();
      assertEquals(List.of(1L, 2L, 3L, 4L), all.stream().map(j -> j.getLong("seq")).toList());
      assertEquals("release", all.get(3).getString("event"));
    }
  }
}
