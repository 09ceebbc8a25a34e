package io.snapsync.core.sql.access;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.testing.TestServices;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported snapshot ids are listed only to their owner, MONADMIN and SYSADMIN; importing
 * another user's snapshot reads only what the importer may read (PostgreSQL's rule).
 */
class SnapshotPrivilegesTest {

  @TempDir
  Path dir;
  private EngineFixture f;
  private Session alice;
  private Session bob;
  private String id;

  @BeforeEach
  void start() {
    f = EngineFixture.start(dir);
    Session admin = f.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
    exec(admin, "CREATE USER bob PASSWORD 'bob-pw'");
    alice = f.session();
    bob = f.session("bob", "bob-pw");
    exec(alice, "CREATE TABLE secret (id int PRIMARY KEY, v text)");
    exec(alice, "INSERT INTO secret VALUES (1, 'alice only')");
    exec(alice, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    id = (String) value(alice, "SELECT pg_export_snapshot()");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private long listed(Session s, String table) {
    return ((Number) value(s, "SELECT count(*) FROM " + table + " WHERE id = '" + id + "'"))
        .longValue();
  }

  @Test
  void idsAreListedToTheirOwnerAndAdminsOnly() {
    assertEquals(1, listed(alice, "pg_exported_snapshots"));
    assertEquals(0, listed(bob, "pg_exported_snapshots"));
    assertEquals(0, listed(bob, "snapshot_log"));
    Session monitor = f.session(TestServices.MONITOR, TestServices.MONITOR_PASSWORD);
    assertEquals(1, listed(monitor, "pg_exported_snapshots"));
    assertEquals(1, listed(monitor, "snapshot_log"));
    Session admin = f.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
    assertEquals(1, listed(admin, "pg_exported_snapshots"));
  }

  @Test
  void anImportedSnapshotReadsOnlyWhatTheImporterMayRead() {
    exec(bob, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(bob, "SET TRANSACTION SNAPSHOT '" + id + "'");
    assertEquals("permission denied for table secret",
        f.render(fails(bob, "SELECT v FROM secret", "42501").message()));
    exec(bob, "ROLLBACK");
    // alice is inside the exporting transaction: a second session of hers grants
    exec(f.session(), "GRANT SELECT ON secret TO bob");
    exec(bob, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(bob, "SET TRANSACTION SNAPSHOT '" + id + "'");
    assertEquals("alice only", value(bob, "SELECT v FROM secret"));
  }
}
