package io.snapsync.core.sql.routine;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE / DROP / ALTER FUNCTION: PostgreSQL's errors and notices, transactional definitions,
 * replaced and dropped functions under cached plans, recursion limits and imported snapshots.
 */
class SqlFunctionDdlTest {

  @TempDir
  Path dir;
  EngineFixture f;
  Session s;

  @BeforeEach
  void start() {
    f = EngineFixture.start(dir);
    s = f.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, n int)");
    exec(s, "INSERT INTO t VALUES (1, 10), (2, 20)");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String error(String sql, String state) {
    return f.render(fails(s, sql, state).message());
  }

  @Test
  void createAndDropReportAsPostgres() {
    assertEquals("CREATE FUNCTION", exec(s,
        "CREATE FUNCTION inc(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 1'").commandTag());
    exec(s, "CREATE FUNCTION inc(a bigint) RETURNS bigint LANGUAGE sql AS 'SELECT a + 2'");
    assertEquals(2, value(s, "SELECT inc(1)"));
    assertEquals(4L, value(s, "SELECT inc(2::bigint)"));
    assertEquals("function \"inc\" already exists with same argument types",
        error("CREATE FUNCTION inc(b int) RETURNS int LANGUAGE sql AS 'SELECT 1'", "42723"));
    SnapsyncException e = fails(s,
        "CREATE OR REPLACE FUNCTION inc(a int) RETURNS text LANGUAGE sql AS 'SELECT 1'", "42P13");
    assertEquals("cannot change return type of existing function", f.render(e.message()));
    assertEquals("Use DROP FUNCTION inc(integer) first.", f.render(e.hint()));
    assertEquals("function name \"inc\" is not unique", error("DROP FUNCTION inc", "42725"));
    assertEquals("function nosuch(integer) does not exist",
        error("DROP FUNCTION nosuch(int)", "42883"));
    StatementResult r = exec(s, "DROP FUNCTION IF EXISTS nosuch(int, text)");
    assertEquals("DROP FUNCTION", r.commandTag());
    assertEquals("function nosuch(integer, text) does not exist, skipping",
        f.render(r.notices().get(0).message()));
    assertEquals("DROP FUNCTION", exec(s, "DROP FUNCTION inc(bigint)").commandTag());
    assertEquals("DROP FUNCTION", exec(s, "DROP FUNCTION inc").commandTag());
    assertEquals("function inc(integer) does not exist", error("SELECT inc(1)", "42883"));
    assertEquals("type \"nosuchtype\" does not exist",
        error("CREATE FUNCTION g(nosuchtype) RETURNS int LANGUAGE sql AS 'SELECT 1'", "42704"));
    assertEquals("relation \"nosuch\" does not exist", error(
        "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT n FROM nosuch'", "42P01"));
    assertEquals("function g() does not exist", error("SELECT g()", "42883"));
    assertEquals("language \"plperl\" does not exist",
        error("CREATE FUNCTION g() RETURNS int LANGUAGE plperl AS 'x'", "42704"));
  }

  @Test
  void replacedAndDroppedFunctionsReachCachedPlans() {
    exec(s, "CREATE FUNCTION k() RETURNS int LANGUAGE sql AS 'SELECT 1'");
    assertEquals(1, value(s, "SELECT k()"));
    exec(s, "CREATE OR REPLACE FUNCTION k() RETURNS int LANGUAGE sql AS 'SELECT 2'");
    assertEquals(2, value(s, "SELECT k()"));
    exec(s, "ALTER FUNCTION k() RENAME TO k2");
    assertEquals(2, value(s, "SELECT k2()"));
    fails(s, "SELECT k()", "42883");
    exec(s, "DROP FUNCTION k2()");
    fails(s, "SELECT k2()", "42883");
  }

  @Test
  void definitionsAreTransactional() {
    Session other = f.session();
    exec(s, "BEGIN");
    exec(s, "CREATE FUNCTION tx() RETURNS int LANGUAGE sql AS 'SELECT 7'");
    assertEquals(7, value(s, "SELECT tx()"));
    fails(other, "SELECT tx()", "42883");
    exec(s, "ROLLBACK");
    fails(s, "SELECT tx()", "42883");
  }

  @Test
  void runawayRecursionIsStackDepthExceeded() {
    exec(s, "CREATE FUNCTION down(n int) RETURNS int LANGUAGE sql AS 'SELECT down(n + 1)'");
    SnapsyncException e = fails(s, "SELECT down(1)", "54001");
    assertEquals("stack depth limit exceeded", f.render(e.message()));
    exec(s, "CREATE FUNCTION fib(n int) RETURNS int LANGUAGE sql AS "
        + "'SELECT CASE WHEN n < 2 THEN n ELSE fib(n - 1) + fib(n - 2) END'");
    assertEquals(55, value(s, "SELECT fib(10)"));
  }

  @Test
  void endlessPlpgsqlLoopStopsAtStatementTimeout() {
    exec(s, "CREATE FUNCTION forever() RETURNS int LANGUAGE plpgsql AS"
        + " $$ BEGIN LOOP END LOOP; END $$");
    exec(s, "SET statement_timeout = 300");
    fails(s, "SELECT forever()", "57014");
    exec(s, "SET statement_timeout = 0");
    assertEquals(2, value(s, "SELECT 2"));
  }

  @Test
  void functionUnderImportedSnapshotReadsThatSnapshot() {
    exec(s, "CREATE FUNCTION total() RETURNS bigint LANGUAGE sql AS 'SELECT sum(n) FROM t'");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    String id = (String) value(s, "SELECT pg_export_snapshot()");
    Session other = f.session();
    exec(other, "INSERT INTO t VALUES (3, 30)");
    exec(other, "CREATE OR REPLACE FUNCTION total() RETURNS bigint LANGUAGE sql"
        + " AS 'SELECT sum(n) * 100 FROM t'");
    assertEquals(List.of(List.of(6000L)),
        exec(other, "SELECT total()").rows());
    Session importer = f.session();
    exec(importer, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(importer, "SET TRANSACTION SNAPSHOT '" + id + "'");
    // the old definition over the old rows
    assertEquals(List.of(List.of(30L)),
        exec(importer, "SELECT total()").rows());
    exec(importer, "COMMIT");
    exec(s, "COMMIT");
  }
}
