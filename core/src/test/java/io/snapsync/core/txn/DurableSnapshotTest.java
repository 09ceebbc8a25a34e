package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.testing.MutableClock;
import io.snapsync.core.testing.TestServices;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable snapshots on a real engine over RocksDB in a temp dir: they outlive the exporter and
 * restarts, hold back reclaim while they live, and end by lease (on the injected clock) or
 * release by their owner or a SYSADMIN.
 */
class DurableSnapshotTest {

  private static final List<List<Object>> EXPORTED = List.of(List.of(1, "a"), List.of(2, "b"));

  @TempDir
  Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));

  private EngineFixture start() {
    return EngineFixture.start(dir, clock);
  }

  private static Session admin(EngineFixture e) {
    return e.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
  }

  /** Imports {@code id} in a new REPEATABLE READ transaction of a new session; returns rows. */
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

  private static String setup(EngineFixture e, Session w, String lease) {
    exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
    exec(w, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    Session x = e.session();
    String id = (String) value(x, "SELECT snapsync_export_snapshot('" + lease + "')");
    await(x.close());
    exec(w, "UPDATE t SET v = 'changed' WHERE id = 1; INSERT INTO t VALUES (3, 'later')");
    exec(w, "UPDATE t SET v = 'changed again' WHERE id = 1; DELETE FROM t WHERE id = 2");
    return id;
  }

  private static List<String> events(EngineFixture e, String id) {
    return e.db.snapshotLog().entries().stream().filter(j -> id.equals(j.getString("id")))
        .map(j -> j.getString("event")).toList();
  }

  @Test
  void importedAfterExporterEndedAndAfterRestartReadsExactlyTheExportedState() {
    String id;
    try (EngineFixture e = start()) {
      Session w = e.session();
      id = setup(e, w, "1 hour");
      assertTrue(id.matches("[0-9A-F]{16}-[0-9A-F]{16}-D"), id);
      assertFalse(id.matches("[0-9A-F]{16}-[1-9][0-9]*"), "never pg_export_snapshot's shape");
      e.store.reclaim();
      assertEquals(EXPORTED, importAndRead(e, id));
      StatementResult r = exec(w, "SELECT kind, user_name, lease_end FROM pg_exported_snapshots");
      assertEquals(1, r.rows().size());
      assertEquals("durable", r.rows().get(0).get(0));
      assertEquals("alice", r.rows().get(0).get(1));
      assertEquals(Instant.parse("2026-06-01T01:00:00Z"),
          ((OffsetDateTime) r.rows().get(0).get(2)).toInstant());
    }
    // the data node restarts: the pin is restored before anything reclaims
    try (EngineFixture e = start()) {
      e.store.reclaim();
      Session w = e.session();
      exec(w, "UPDATE t SET v = 'after restart' WHERE id = 3");
      e.store.reclaim();
      assertEquals(EXPORTED, importAndRead(e, id));
      assertEquals(List.of("export", "import", "import"), events(e, id));
    }
  }

  @Test
  void exportInsideABlockKeepsTheBlocksSnapshotAfterCommit() {
    try (EngineFixture e = start()) {
      Session w = e.session();
      Session x = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      exec(w, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      exec(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      value(x, "SELECT count(*) FROM t");
      exec(w, "INSERT INTO t VALUES (4, 'after the block began')");
      exec(x, "INSERT INTO t VALUES (5, 'exporter-own')");
      exec(x, "SAVEPOINT s1");
      String id = (String) value(x, "SELECT snapsync_export_snapshot('10 min')");
      exec(x, "ROLLBACK TO SAVEPOINT s1");
      exec(x, "COMMIT");
      await(x.close());
      assertEquals(EXPORTED, importAndRead(e, id));
      // the exporter was REPEATABLE READ: a SERIALIZABLE importer is refused (check 6)
      Session s = e.session();
      exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
      fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "0A000");
      exec(s, "ROLLBACK");
    }
  }

  @Test
  void leaseEndsOnTheClockAndItsVersionsAreThenReclaimed() {
    try (EngineFixture e = start()) {
      Session w = e.session();
      String id = setup(e, w, "10 min");
      e.store.reclaim();
      assertEquals(EXPORTED, importAndRead(e, id));
      clock.advance(Duration.ofMinutes(10));
      Session s = e.session();
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "42704");
      assertEquals("snapshot \"" + id + "\" does not exist", ex.getMessage());
      exec(s, "ROLLBACK");
      assertTrue(e.store.reclaim() > 0, "the versions it held are reclaimed");
      assertEquals(0L, value(w, "SELECT count(*) FROM pg_exported_snapshots"));
      assertEquals(List.of("export", "import", "expire"), events(e, id));
      // and a release after the end finds nothing
      assertEquals(false, value(w, "SELECT snapsync_release_snapshot('" + id + "')"));
    }
  }

  @Test
  void expiryRunsWithoutAnImportAndSurvivesRestart() {
    String id;
    try (EngineFixture e = start()) {
      id = setup(e, e.session(), "5 min");
      clock.advance(Duration.ofMinutes(6));
      assertEquals(1, e.db.durableSnapshots().expireDue());
      assertEquals(0, e.store.durablePins().size());
    }
    try (EngineFixture e = start()) {
      assertEquals(0, e.store.durablePins().size());
      assertEquals(List.of("export", "expire"), events(e, id));
    }
  }

  @Test
  void renewMovesTheLeaseEnd() {
    try (EngineFixture e = start()) {
      Session w = e.session();
      String id = setup(e, w, "10 min");
      clock.advance(Duration.ofMinutes(8));
      OffsetDateTime end = (OffsetDateTime) value(w,
          "SELECT snapsync_renew_snapshot('" + id + "', '10 min')");
      assertEquals(Instant.parse("2026-06-01T00:18:00Z"), end.toInstant());
      clock.advance(Duration.ofMinutes(5));
      e.store.reclaim();
      assertEquals(EXPORTED, importAndRead(e, id));
      clock.advance(Duration.ofMinutes(5));
      fails(w, "SELECT snapsync_renew_snapshot('" + id + "', '10 min')", "42704");
      assertEquals(List.of("export", "renew", "import", "expire"), events(e, id));
    }
  }

  @Test
  void onlyTheOwnerOrSysadminRenewsOrReleases() {
    try (EngineFixture e = start()) {
      Session w = e.session();
      String id = setup(e, w, "1 hour");
      Session monitor = e.session(TestServices.MONITOR, TestServices.MONITOR_PASSWORD);
      SnapsyncException ex = fails(monitor, "SELECT snapsync_release_snapshot('" + id + "')",
          "42501");
      assertEquals("must be the owner of durable snapshot \"" + id
          + "\" or SYSADMIN to release it", ex.getMessage());
      fails(monitor, "SELECT snapsync_renew_snapshot('" + id + "', '1 hour')", "42501");
      assertEquals(EXPORTED, importAndRead(e, id));
      Session admin = admin(e);
      assertEquals(true, value(admin, "SELECT snapsync_release_snapshot('" + id + "')"));
      assertEquals(false, value(w, "SELECT snapsync_release_snapshot('" + id + "')"));
      Session s = e.session();
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "42704");
      exec(s, "ROLLBACK");
      List<JsonObject> log = e.db.snapshotLog().entries().stream()
          .filter(j -> id.equals(j.getString("id"))).toList();
      assertEquals("release", log.get(log.size() - 1).getString("event"));
      assertEquals(TestServices.ADMIN, log.get(log.size() - 1).getString("user"));
      // the owner releases its own
      String own = (String) value(w, "SELECT snapsync_export_snapshot('1 hour')");
      assertEquals(true, value(w, "SELECT snapsync_release_snapshot('" + own + "')"));
    }
  }

  @Test
  void releaseFreesTheVersionsThePinHeld() {
    try (EngineFixture e = start()) {
      Session w = e.session();
      String id = setup(e, w, "1 hour");
      e.store.reclaim();
      assertEquals(0, e.store.reclaim());
      assertEquals(EXPORTED, importAndRead(e, id));
      assertEquals(true, value(w, "SELECT snapsync_release_snapshot('" + id + "')"));
      assertTrue(e.store.reclaim() > 0, "release lets reclaim take what the pin kept");
    }
  }

  @Test
  void releasedBetweenLookupAndInstallIsCheckNine() {
    try (EngineFixture e = start()) {
      Session w = e.session();
      String id = setup(e, w, "1 hour");
      e.db.snapshots().beforeInstall = () -> e.db.durableSnapshots().release(id,
          TestServices.USER, false);
      Session s = e.session();
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "55000");
      assertEquals("could not import the requested snapshot", ex.getMessage());
      exec(s, "ROLLBACK");
      assertEquals(List.of("export", "release"), events(e, id));
    }
  }

  @Test
  void leaseAndCountCapsAreEnforced() {
    try (EngineFixture e = start()) {
      Session w = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      assertEquals("1d", value(w, "SHOW snapshot_max_lease"));
      assertEquals("16", value(w, "SHOW snapshot_max_durable_per_user"));
      SnapsyncException ex = fails(w, "SELECT snapsync_export_snapshot('2 days')", "22023");
      assertEquals("the lease of a durable snapshot cannot exceed snapshot_max_lease (86400 s)",
          ex.getMessage());
      fails(w, "SELECT snapsync_export_snapshot('0 s')", "22023");
      fails(w, "SELECT snapsync_export_snapshot('-1 hour')", "22023");
      assertNull(value(w, "SELECT snapsync_export_snapshot(NULL)"));
      e.services.settings().alterSystem("snapshot_max_durable_per_user", "2").await();
      String first = (String) value(w, "SELECT snapsync_export_snapshot('1 hour')");
      String second = (String) value(w, "SELECT snapsync_export_snapshot('1 hour')");
      ex = fails(w, "SELECT snapsync_export_snapshot('1 hour')", "54000");
      assertEquals("user \"alice\" already holds 2 durable snapshots "
          + "(snapshot_max_durable_per_user)", ex.getMessage());
      // another user has its own allowance; a release gives one back
      value(admin(e), "SELECT snapsync_export_snapshot('1 hour')");
      value(w, "SELECT snapsync_release_snapshot('" + first + "')");
      value(w, "SELECT snapsync_export_snapshot('1 hour')");
      fails(w, "SELECT snapsync_renew_snapshot('" + second + "', '2 days')", "22023");
      e.services.settings().alterSystem("snapshot_max_lease", "2d").await();
      OffsetDateTime end = (OffsetDateTime) value(w,
          "SELECT snapsync_renew_snapshot('" + second + "', '2 days')");
      assertEquals(Instant.parse("2026-06-03T00:00:00Z"), end.toInstant());
    }
  }
}
