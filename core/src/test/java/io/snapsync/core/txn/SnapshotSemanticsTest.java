package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an importer sees, for how long, re-export, conflicts, the log and restarts. */
class SnapshotSemanticsTest {

  @TempDir
  Path dir;

  @Test
  void importerSeesExactlyTheExportersSnapshotAndKeepsIt() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session w = e.session();
      Session x = e.session();
      Session i = e.session();
      Session j = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      exec(w, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      exec(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      exec(x, "INSERT INTO t VALUES (3, 'exporter-own')");
      String id = (String) value(x, "SELECT pg_export_snapshot()");
      exec(w, "INSERT INTO t VALUES (4, 'later'); UPDATE t SET v = 'changed' WHERE id = 1");
      exec(i, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      assertEquals("SET", exec(i, "SET TRANSACTION SNAPSHOT '" + id + "'").commandTag());
      List<List<Object>> expected = List.of(List.of(1, "a"), List.of(2, "b"));
      assertEquals(expected, exec(i, "SELECT * FROM t").rows());
      assertEquals(value(x, "SELECT pg_current_snapshot()"),
          value(i, "SELECT pg_current_snapshot()"));
      // the exporter ends; the importer keeps the snapshot and re-exports it
      exec(x, "COMMIT");
      assertEquals(expected, exec(i, "SELECT * FROM t").rows());
      String chained = (String) value(i, "SELECT pg_export_snapshot()");
      exec(j, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT '" + chained
          + "'");
      assertEquals(expected, exec(j, "SELECT * FROM t").rows());
      // and an update of a row changed since the snapshot fails
      var ex = fails(i, "UPDATE t SET v = 'mine' WHERE id = 1", "40001");
      assertEquals("could not serialize access due to concurrent update", ex.getMessage());
      exec(i, "ROLLBACK");
      exec(j, "UPDATE t SET v = 'ok' WHERE id = 2");
      exec(j, "COMMIT");
      assertEquals("ok", value(w, "SELECT v FROM t WHERE id = 2"));
    }
  }

  @Test
  void readCommittedExportsTheCurrentStatementsSnapshot() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session w = e.session();
      Session x = e.session();
      Session i = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY)");
      exec(x, "BEGIN");
      value(x, "SELECT count(*) FROM t");
      exec(w, "INSERT INTO t VALUES (1)");
      String id = (String) value(x, "SELECT pg_export_snapshot()");
      exec(w, "INSERT INTO t VALUES (2)");
      exec(i, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT '" + id + "'");
      assertEquals(1L, value(i, "SELECT count(*) FROM t"));
      exec(i, "COMMIT");
      exec(x, "COMMIT");
    }
  }

  @Test
  void importInAMultiStatementString() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session w = e.session();
      Session x = e.session();
      Session i = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY)");
      exec(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      String id = (String) value(x, "SELECT pg_export_snapshot()");
      exec(w, "INSERT INTO t VALUES (1)");
      List<StatementResult> r = await(i.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE "
          + "READ; SET TRANSACTION SNAPSHOT '" + id + "'; SELECT count(*) FROM t"));
      assertEquals(0L, r.get(2).rows().get(0).get(0));
      assertEquals(List.of(), r.get(1).notices());
      exec(x, "COMMIT");
      // a snapshot exported in a multi-statement string lives until the string ends
      r = await(x.execute("SELECT pg_export_snapshot(); SELECT count(*) FROM "
          + "pg_exported_snapshots"));
      assertEquals(1L, r.get(1).rows().get(0).get(0));
      assertEquals(0, e.db.snapshots().size());
    }
  }

  @Test
  void currentSnapshotFunctions() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      String snap = (String) value(s, "SELECT pg_current_snapshot()");
      assertTrue(snap.matches("\\d+:\\d+:"), snap);
      long xmin = (Long) value(s, "SELECT pg_snapshot_xmin('" + snap + "')");
      long xmax = (Long) value(s, "SELECT pg_snapshot_xmax('" + snap + "')");
      assertEquals(xmin, xmax);
      assertEquals(e.store.latestSnapshot().commitSeq() + 1, xmax);
    }
  }

  @Test
  void logRecordsExportImportReleaseAndSurvivesRestartWhileIdsDie() {
    String id;
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session x = e.session();
      Session i = e.session();
      exec(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      id = (String) value(x, "SELECT pg_export_snapshot()");
      StatementResult live = exec(i, "SELECT id, user_name, isolation, read_only, database "
          + "FROM pg_exported_snapshots");
      assertEquals(List.of(List.of(id, "alice", "repeatable read", false, "snapsync")),
          live.rows());
      exec(i, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT '" + id + "'");
      exec(i, "COMMIT");
      exec(x, "COMMIT");
      assertEquals(0L, value(i, "SELECT count(*) FROM pg_exported_snapshots"));
      assertEquals(3L, value(i, "SELECT count(*) FROM snapshot_log WHERE at > '2000-01-01'"));
      StatementResult log = exec(i, "SELECT event, id, user_name, node FROM snapshot_log "
          + "ORDER BY seq");
      assertEquals(List.of(List.of("export", id, "alice", "node1"),
          List.of("import", id, "alice", "node1"), List.of("release", id, "alice", "node1")),
          log.rows());
      // a snapshot exported and not released before the restart
      exec(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      id = (String) value(x, "SELECT pg_export_snapshot()");
    }
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "42704");
      exec(s, "ROLLBACK");
      assertTrue((Long) value(s, "SELECT count(*) FROM snapshot_log") >= 4);
      assertEquals(1L, value(s, "SELECT count(*) FROM snapshot_log WHERE event = 'export' "
          + "AND id = '" + id + "'"));
      // the restart released it in the log
      assertEquals(1L, value(s, "SELECT count(*) FROM snapshot_log WHERE event = 'release' "
          + "AND id = '" + id + "'"));
      // a new export after the restart gets a new transaction number
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      String fresh = (String) value(s, "SELECT pg_export_snapshot()");
      assertTrue(!fresh.equals(id));
      exec(s, "COMMIT");
    }
  }

  @Test
  void logRetentionPurgesOldEntries() {
    MutableClock clock = new MutableClock();
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      Session a = e.session(io.snapsync.core.testing.TestServices.ADMIN,
          io.snapsync.core.testing.TestServices.ADMIN_PASSWORD);
      exec(a, "ALTER SYSTEM SET snapshot_log_retention_days = 2");
      exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot(); COMMIT");
      assertEquals(2L, value(a, "SELECT count(*) FROM snapshot_log"));
      clock.advanceMillis(3 * 86_400_000L);
      exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot(); COMMIT");
      assertEquals(2, e.db.snapshotLog().purgeExpired());
      assertEquals(List.of(List.of("export"), List.of("release")),
          exec(a, "SELECT event FROM snapshot_log ORDER BY seq").rows());
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends java.time.Clock {
    private volatile long millis = System.currentTimeMillis();

    void advanceMillis(long d) {
      millis += d;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis);
    }
  }
}
