package io.snapsync.core.sql;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed or unsupported SQL gets a clear SQLSTATE (never XX000) and the session goes on. */
class BadInputTest {

  @TempDir
  Path dir;

  @Test
  void everyBadStatementFailsWithAStateAndTheSessionSurvives() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      // "at": the project's grammar still reserves AT, which PostgreSQL does not
      exec(s, "CREATE TABLE t (id int PRIMARY KEY, v text, \"at\" int)");
      List<String> bad = List.of("SELECT", "INSERT INTO", "INSERT INTO t VALUES", "CREATE TABLE",
          "UPDATE t SET", "SELECT -",
          "SELECT $1", "DROP INDEX x", "INSERT INTO t VALUES (1, 'a', 1, 4)",
          "INSERT INTO t SELECT * FROM t, t", "INSERT INTO t (nope) VALUES (1)",
          "UPDATE t SET id = NULL, id = 3", "UPDATE t SET nope = 1", "DELETE FROM nosuch",
          "SELECT * FROM t ORDER BY nope",
          "SELECT count(*), v FROM t", "SELECT version(1)", "SELECT current_setting()",
          "SELECT current_setting('nosuch')", "SELECT pg_snapshot_xmin('x')",
          "SET nosuch = 1", "SET server_version = '1'", "RESET nosuch", "SHOW",
          "BEGIN ISOLATION", "SAVEPOINT", "ROLLBACK TO", "PREPARE TRANSACTION x",
          "SET TRANSACTION SNAPSHOT 5", "ALTER TABLE t ADD c nosuchtype", "'unterminated",
          "SELECT \"unterminated", "COMMIT PREPARED", "SELECT * FROM t LIMIT -1 OFFSET x",
          "CREATE TABLE u (a int PRIMARY KEY, a text)", "CREATE TABLE u (a int PRIMARY KEY, "
              + "b int PRIMARY KEY)", "CREATE TABLE u (a int, PRIMARY KEY (b))",
          "SELECT * FROM t WHERE id = 'x'",
          "INSERT INTO t (id) VALUES (1), (2, 3)", "\u0000", "SELECT 1 +");
      for (String sql : bad) {
        try {
          await(s.execute(sql));
          fail("accepted: " + sql);
        } catch (SnapsyncException x) {
          assertNotEquals("XX000", x.sqlState(), () -> sql + " -> " + x.getMessage());
          assertEquals(5, x.sqlState().length(), sql);
        }
        assertEquals(1, value(s, "SELECT 1"), sql);
      }
      await(s.close());
    }
  }
}
