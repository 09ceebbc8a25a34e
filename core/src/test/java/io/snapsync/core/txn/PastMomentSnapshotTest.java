package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots of a past moment ({@code snapsync_snapshot_at}) on a real engine over RocksDB with
 * an injected clock: each reads exactly the state committed at its moment (checked against the
 * test's own log of commits and their times), the window bounds what is available, and the
 * errors name what is wrong.
 */
class PastMomentSnapshotTest {

  private static final DateTimeFormatter PG = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  @TempDir
  Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));

  private static String pg(long millis) {
    return PG.format(Instant.ofEpochMilli(millis));
  }

  private static List<List<Object>> importAndRead(EngineFixture e, String id) {
    Session s = e.session();
    try {
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT '" + id + "'");
      List<List<Object>> rows = exec(s, "SELECT * FROM t ORDER BY id").rows();
      exec(s, "COMMIT");
      return rows;
    } finally {
      await(s.close());
    }
  }

  private String at(Session s, long millis) {
    return (String) value(s, "SELECT snapsync_snapshot_at('" + pg(millis) + "', '1 hour')");
  }

  @Test
  void aSnapshotOfAPastMomentReadsExactlyWhatWasCommittedThen() {
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      e.services.settings().alterSystem("snapshot_history_retention", "1h").await();
      e.services.settings().alterSystem("snapshot_max_durable_per_user", "100").await();
      Session w = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      TreeMap<Long, List<List<Object>>> log = new TreeMap<>();
      log.put(clock.millis(), List.of());
      for (int i = 1; i <= 12; i++) {
        clock.advance(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 90_000)));
        switch (i % 3) {
          case 0 -> exec(w, "DELETE FROM t WHERE id = " + (i - 2));
          case 1 -> exec(w, "INSERT INTO t VALUES (" + i + ", 'v" + i + "')");
          default -> exec(w, "UPDATE t SET v = 'u" + i + "' WHERE id = " + (i - 1));
        }
        log.put(clock.millis(), exec(w, "SELECT * FROM t ORDER BY id").rows());
      }
      clock.advance(Duration.ofSeconds(5));
      e.store.reclaim();
      Session x = e.session();
      for (Map.Entry<Long, List<List<Object>>> c : log.entrySet()) {
        assertEquals(c.getValue(), importAndRead(e, at(x, c.getKey())), "at " + pg(c.getKey()));
        long before = c.getKey() - 1;
        if (log.floorKey(before) != null) {
          assertEquals(log.floorEntry(before).getValue(), importAndRead(e, at(x, before)),
              "just before " + pg(c.getKey()));
        }
      }
      // The state after the last commit, at a moment between commits and now.
      assertEquals(log.lastEntry().getValue(), importAndRead(e, at(x, clock.millis() - 1)));

      StatementResult r = exec(x, "SELECT kind, moment, held_versions, importers, isolation,"
          + " read_only FROM pg_exported_snapshots WHERE moment = '" + pg(log.firstKey())
          + "'");
      assertEquals(1, r.rows().size(), r.rows().toString());
      List<Object> row = r.rows().get(0);
      assertEquals("past moment", row.get(0));
      assertEquals(Instant.ofEpochMilli(log.firstKey()), ((OffsetDateTime) row.get(1))
          .toInstant());
      assertTrue((Long) row.get(2) > 0, "the empty table's state holds every later version");
      assertEquals(1L, row.get(3));
      assertEquals(List.of("repeatable read", true), row.subList(4, 6));
    }
  }

  @Test
  void aMomentOutsideTheWindowIsAnErrorNamingTheOldestMomentAvailable() {
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      Session w = e.session();
      SnapsyncException off = fails(w, "SELECT snapsync_snapshot_at(now(), '1 hour')", "55000");
      assertEquals("there is no history to take a snapshot of a past moment from:"
          + " snapshot_history_retention is 0", EngineFixture.text(off));

      e.services.settings().alterSystem("snapshot_history_retention", "10min").await();
      long on = clock.millis();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      clock.advance(Duration.ofMinutes(4));
      exec(w, "INSERT INTO t VALUES (1, 'a')");
      long inserted = clock.millis();
      clock.advance(Duration.ofMinutes(4));
      exec(w, "UPDATE t SET v = 'b' WHERE id = 1");
      fails(w, "SELECT snapsync_snapshot_at('" + pg(clock.millis() + 1) + "', '1 hour')",
          "22023");
      SnapsyncException old = fails(w, "SELECT snapsync_snapshot_at('" + pg(on - 1)
          + "', '1 hour')", "72000");
      assertEquals("the state at " + Instant.ofEpochMilli(on - 1) + " is no longer available:"
          + " the oldest moment still available is " + Instant.ofEpochMilli(on),
          EngineFixture.text(old));

      clock.advance(Duration.ofMinutes(7));
      e.store.reclaim();
      // The window now starts 1 min after the insert: the state then is the insert's.
      old = fails(w, "SELECT snapsync_snapshot_at('" + pg(inserted - 1) + "', '1 hour')",
          "72000");
      assertTrue(EngineFixture.text(old).endsWith("the oldest moment still available is "
          + Instant.ofEpochMilli(inserted)), EngineFixture.text(old));
      assertEquals(List.of(List.of(1, "a")), importAndRead(e, at(w, inserted)));

      // A past state vouched for by no serializable transaction: SERIALIZABLE importers get 0A000.
      String id = at(w, inserted);
      Session s = e.session();
      exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY");
      fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "0A000");
      exec(s, "ROLLBACK");
    }
  }

  @Test
  void pastMomentSnapshotsSurviveARestartAndEndAtTheirLease() {
    // (The window itself survives a restart when the node starts with the setting on:
    // CommitHistoryTest; this fixture applies ALTER SYSTEM values only after the database.)
    long moment;
    String id;
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      e.services.settings().alterSystem("snapshot_history_retention", "1h").await();
      Session w = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      exec(w, "INSERT INTO t VALUES (1, 'then')");
      moment = clock.millis();
      clock.advance(Duration.ofMinutes(1));
      exec(w, "UPDATE t SET v = 'now' WHERE id = 1");
      id = (String) value(w, "SELECT snapsync_snapshot_at('" + pg(moment) + "', '5 min')");
    }
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      Session w = e.session();
      exec(w, "UPDATE t SET v = 'after restart' WHERE id = 1");
      e.store.reclaim();
      assertEquals(List.of(List.of(1, "then")), importAndRead(e, id));
      clock.advance(Duration.ofMinutes(6));
      e.db.durableSnapshots().expireDue();
      Session s = e.session();
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "42704");
      exec(s, "ROLLBACK");
    }
  }
}
