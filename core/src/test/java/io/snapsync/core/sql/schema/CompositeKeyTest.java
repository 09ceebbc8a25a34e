package io.snapsync.core.sql.schema;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PRIMARY KEY (a, b)}: uniqueness of the pair, NOT NULL key columns, key order. */
class CompositeKeyTest {

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
    exec(s, "DROP TABLE IF EXISTS ck; CREATE TABLE ck (a int, b text, v int, PRIMARY KEY (a, b))");
  }

  @AfterEach
  void close() {
    await(s.close());
  }

  @Test
  void rowsAreKeyedByThePairAndScanInKeyOrder() {
    exec(s, "INSERT INTO ck VALUES (2, 'a', 1), (1, 'b', 2), (1, 'a', 3), (-1, 'z', 4)");
    exec(s, "INSERT INTO ck VALUES (1, 'ab', 5), (1, '', 6)");
    // no ORDER BY: a full scan returns rows in key order, (a, b) lexicographically
    assertEquals(List.of(List.of(-1, "z", 4), List.of(1, "", 6), List.of(1, "a", 3),
        List.of(1, "ab", 5), List.of(1, "b", 2), List.of(2, "a", 1)),
        exec(s, "SELECT * FROM ck").rows());
  }

  @Test
  void duplicatePairIs23505NamingBothColumns() {
    exec(s, "INSERT INTO ck VALUES (1, 'x', 0), (1, 'y', 0)");
    SnapsyncException x = fails(s, "INSERT INTO ck VALUES (1, 'x', 9)", "23505");
    assertEquals("duplicate key value violates unique constraint \"ck_pkey\"", x.getMessage());
    assertEquals("Key (a, b)=(1, x) already exists.", e.render(x.detail()));
    fails(s, "UPDATE ck SET b = 'x' WHERE b = 'y'", "23505");
    assertEquals(2L, value(s, "SELECT count(*) FROM ck"));
  }

  @Test
  void everyKeyColumnIsNotNull() {
    SnapsyncException x = fails(s, "INSERT INTO ck (a, v) VALUES (1, 1)", "23502");
    assertEquals("null value in column \"b\" of relation \"ck\" violates not-null constraint",
        x.getMessage());
    fails(s, "INSERT INTO ck (b, v) VALUES ('q', 1)", "23502");
  }

  @Test
  void updateOfAKeyColumnMovesTheRow() {
    exec(s, "INSERT INTO ck VALUES (1, 'x', 0), (2, 'x', 0)");
    assertEquals("UPDATE 1", exec(s, "UPDATE ck SET a = 3, v = v + 1 WHERE a = 1 RETURNING *")
        .commandTag());
    assertEquals(List.of(List.of(3, "x", 1)),
        exec(s, "UPDATE ck SET v = v + 1 WHERE a = 3 AND b = 'x' RETURNING a, b, v - 1").rows());
    assertEquals(List.of(List.of(2, "x", 0), List.of(3, "x", 2)), exec(s, "SELECT * FROM ck")
        .rows());
    assertEquals("DELETE 1", exec(s, "DELETE FROM ck WHERE a = 2").commandTag());
    assertEquals(1L, value(s, "SELECT count(*) FROM ck"));
  }

  @Test
  void badDefinitions() {
    fails(s, "CREATE TABLE ck2 (a int, b int, PRIMARY KEY (a, nope))", "42703");
    fails(s, "CREATE TABLE ck2 (a int, b int, PRIMARY KEY (a, a))", "42701");
    fails(s, "CREATE TABLE ck2 (a int PRIMARY KEY, b int, PRIMARY KEY (a, b))", "42P16");
  }
}
