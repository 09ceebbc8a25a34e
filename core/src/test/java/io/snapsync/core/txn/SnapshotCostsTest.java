package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.Message;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each live snapshot costs, in {@code pg_exported_snapshots} on a real engine: the versions
 * and bytes it keeps from reclaim (checked against what reclaim frees once it is released),
 * its importers, the age of its state; and the holdback WARNING, once per crossing.
 */
class SnapshotCostsTest {

  @TempDir
  Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));

  private static List<Object> costs(Session s, String id) {
    return exec(s, "SELECT kind, importers, held_versions, held_bytes, oldest_state_age"
        + " FROM pg_exported_snapshots WHERE id = '" + id + "'").rows().get(0);
  }

  @Test
  void eachSnapshotShowsWhatItHoldsBackAndReleasingFreesIt() {
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      Session w = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      exec(w, "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      Session x = e.session();
      exec(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      String tx = (String) value(x, "SELECT pg_export_snapshot()");
      exec(w, "UPDATE t SET v = 'b2' WHERE id = 2");
      String durable = (String) value(w, "SELECT snapsync_export_snapshot('1 hour')");
      exec(w, "UPDATE t SET v = 'b3' WHERE id = 2; DELETE FROM t WHERE id = 3");
      clock.advance(Duration.ofMinutes(2));
      Session i = e.session();
      exec(i, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT '" + durable
          + "'; COMMIT");
      await(i.close());

      List<Object> ofTx = costs(w, tx);
      List<Object> ofDurable = costs(w, durable);
      assertEquals(List.of("transaction", 0L), ofTx.subList(0, 2));
      assertEquals(List.of("durable", 1L), ofDurable.subList(0, 2));
      // tx sees b@1 and c@1: keeps b, b2, c and c's tombstone; durable sees b2 and c: keeps
      // b2, c and c's tombstone (newer than it, so reclaim cannot drop it yet)
      assertEquals(4L, ofTx.get(2));
      assertEquals(3L, ofDurable.get(2));
      assertTrue((Long) ofTx.get(3) > (Long) ofDurable.get(3));
      assertEquals(new Interval(0, 0, 120_000_000L), ofDurable.get(4));

      exec(x, "COMMIT");
      e.store.reclaim();
      assertEquals(3L, costs(w, durable).get(2), "what it keeps did not change");
      value(w, "SELECT snapsync_release_snapshot('" + durable + "')");
      assertEquals(3, e.store.reclaim(), "releasing it frees exactly what it held");
    }
  }

  @Test
  void aSnapshotAboveTheHoldbackThresholdWarnsOncePerCrossing() {
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      Session w = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      exec(w, "INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, 30) g");
      String id = (String) value(w, "SELECT snapsync_export_snapshot('1 hour')");
      assertEquals(List.of(), e.db.warnHoldback(), "off by default");
      e.services.settings().alterSystem("snapshot_holdback_warning", "2kB").await();
      assertEquals(List.of(), e.db.warnHoldback(), "it holds back nothing yet");
      exec(w, "UPDATE t SET v = repeat('y', 100)");
      List<Message> warned = e.db.warnHoldback();
      assertEquals(1, warned.size());
      assertEquals("durable.holdback_warning", warned.get(0).id());
      assertEquals(List.of(id, "durable", "alice"), warned.get(0).args().subList(0, 3));
      assertEquals(List.of(), e.db.warnHoldback(), "once per crossing");
      e.services.settings().alterSystem("snapshot_holdback_warning", "1MB").await();
      assertEquals(List.of(), e.db.warnHoldback());
      e.services.settings().alterSystem("snapshot_holdback_warning", "2kB").await();
      assertEquals(1, e.db.warnHoldback().size(), "crossed again");
    }
  }
}
