package io.snapsync.core.sql.schema;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables without a primary key (rows keyed by a hidden row id) on a real database: the id
 * never shows, duplicates are distinct rows, and UPDATE/DELETE address the rows they found.
 */
class KeylessTableTest {

  @TempDir
  static Path dir;
  static EngineFixture e;
  Session s;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @BeforeEach
  void open() {
    s = e.session();
    exec(s, "DROP TABLE IF EXISTS int4_tbl; CREATE TABLE int4_tbl (f1 int4)");
  }

  @AfterEach
  void close() {
    await(s.close());
  }

  private List<List<Object>> rows(String sql) {
    return exec(s, sql).rows();
  }

  @Test
  void selectStarShowsOnlyTheDeclaredColumns() {
    exec(s, "INSERT INTO int4_tbl(f1) VALUES ('0')");
    exec(s, "INSERT INTO int4_tbl(f1) VALUES ('123456'), (-5)");
    StatementResult r = exec(s, "SELECT * FROM int4_tbl ORDER BY f1");
    assertEquals(List.of("f1"), r.columns().stream().map(Column::name).toList());
    assertEquals(List.of(List.of(-5), List.of(0), List.of(123456)), r.rows());
  }

  @Test
  void duplicateRowsAreDistinctRows() {
    exec(s, "INSERT INTO int4_tbl VALUES (7), (7), (7)");
    exec(s, "INSERT INTO int4_tbl VALUES (7)");
    assertEquals(4L, value(s, "SELECT count(*) FROM int4_tbl WHERE f1 = 7"));
  }

  @Test
  void updateAndDeleteAddressEachRowTheyFound() {
    exec(s, "INSERT INTO int4_tbl VALUES (1), (1), (2), (3)");
    assertEquals("UPDATE 2", exec(s, "UPDATE int4_tbl SET f1 = f1 * 10 WHERE f1 = 1")
        .commandTag());
    assertEquals(List.of(List.of(2), List.of(3), List.of(10), List.of(10)),
        rows("SELECT f1 FROM int4_tbl ORDER BY f1"));
    assertEquals("DELETE 2", exec(s, "DELETE FROM int4_tbl WHERE f1 = 10").commandTag());
    assertEquals(List.of(List.of(2), List.of(3)), rows("SELECT f1 FROM int4_tbl ORDER BY f1"));
    assertEquals("UPDATE 2", exec(s, "UPDATE int4_tbl SET f1 = 0").commandTag());
    assertEquals(2L, value(s, "SELECT count(*) FROM int4_tbl WHERE f1 = 0"));
    assertEquals("DELETE 2", exec(s, "DELETE FROM int4_tbl").commandTag());
    assertEquals(0L, value(s, "SELECT count(*) FROM int4_tbl"));
  }

  @Test
  void deleteWithASubqueryOverTheSameTable() {
    exec(s, "INSERT INTO int4_tbl VALUES (1), (2), (3)");
    assertEquals("DELETE 1", exec(s,
        "DELETE FROM int4_tbl WHERE f1 IN (SELECT max(f1) FROM int4_tbl)").commandTag());
    assertEquals(List.of(List.of(1), List.of(2)), rows("SELECT f1 FROM int4_tbl ORDER BY f1"));
  }

  @Test
  void returningShowsTheDeclaredColumnsOnly() {
    StatementResult ins = exec(s, "INSERT INTO int4_tbl VALUES (4), (5) RETURNING *");
    assertEquals(List.of(List.of(4), List.of(5)), ins.rows());
    StatementResult up = exec(s, "UPDATE int4_tbl SET f1 = f1 + 1 WHERE f1 = 4 RETURNING f1, f1 * 2");
    assertEquals(List.of(Arrays.asList(5, 10)), up.rows());
    StatementResult del = exec(s, "DELETE FROM int4_tbl WHERE f1 = 5 RETURNING *");
    assertEquals(List.of(List.of(5), List.of(5)), del.rows());
    assertEquals("DELETE 2", del.commandTag());
  }

  @Test
  void insertSelectFromItselfDoublesTheRows() {
    exec(s, "INSERT INTO int4_tbl VALUES (1), (2)");
    assertEquals("INSERT 0 2", exec(s, "INSERT INTO int4_tbl SELECT f1 FROM int4_tbl")
        .commandTag());
    assertEquals(List.of(List.of(1), List.of(1), List.of(2), List.of(2)),
        rows("SELECT * FROM int4_tbl ORDER BY f1"));
  }

  @Test
  void rolledBackWritesLeaveNoRow() {
    exec(s, "INSERT INTO int4_tbl VALUES (1)");
    exec(s, "BEGIN");
    exec(s, "INSERT INTO int4_tbl VALUES (2)");
    exec(s, "UPDATE int4_tbl SET f1 = 9 WHERE f1 = 1");
    assertEquals(List.of(List.of(2), List.of(9)), rows("SELECT * FROM int4_tbl ORDER BY f1"));
    exec(s, "ROLLBACK");
    assertEquals(List.of(List.of(1)), rows("SELECT * FROM int4_tbl"));
  }

  @Test
  void badPaths() {
    fails(s, "INSERT INTO int4_tbl VALUES ('x')", "22P02");
    fails(s, "INSERT INTO int4_tbl VALUES (1, 2)", "42601");
    fails(s, "UPDATE int4_tbl SET nope = 1", "42703");
    exec(s, "CREATE TABLE kl_nn (a int NOT NULL, b text)");
    fails(s, "INSERT INTO kl_nn (b) VALUES ('x')", "23502");
    exec(s, "DROP TABLE kl_nn");
  }
}
