package io.snapsync.core.sql.index;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VACUUM in PostgreSQL's forms (pgbench -i runs it): reclaims only what no snapshot sees. */
class VacuumTest {

  @TempDir
  static Path dir;
  static EngineFixture e;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @Test
  void vacuumKeepsWhatAnOpenSnapshotStillReads() {
    Session writer = e.session();
    Session reader = e.session();
    exec(writer, "CREATE TABLE vac (k int PRIMARY KEY, v int); INSERT INTO vac VALUES (1, 10)");
    exec(reader, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(10, value(reader, "SELECT v FROM vac WHERE k = 1"));
    exec(writer, "UPDATE vac SET v = 11 WHERE k = 1");
    assertEquals("VACUUM", exec(writer, "VACUUM vac").commandTag());
    assertEquals("VACUUM", exec(writer, "VACUUM (VERBOSE, ANALYZE) vac").commandTag());
    assertEquals("VACUUM", exec(writer, "vacuum analyze vac").commandTag());
    assertEquals("VACUUM", exec(writer, "VACUUM FULL FREEZE").commandTag());
    assertEquals(10, value(reader, "SELECT v FROM vac WHERE k = 1"));
    exec(reader, "COMMIT");
    assertEquals(11, value(reader, "SELECT v FROM vac WHERE k = 1"));
    await(writer.close());
    await(reader.close());
  }

  @Test
  void vacuumRefusesUnknownTablesAndTransactionBlocks() {
    Session s = e.session();
    fails(s, "VACUUM nosuch", "42P01");
    exec(s, "BEGIN");
    fails(s, "VACUUM", "25001");
    exec(s, "ROLLBACK");
    fails(s, "VACUUM (ANALYZE", "42601");
    await(s.close());
  }
}
