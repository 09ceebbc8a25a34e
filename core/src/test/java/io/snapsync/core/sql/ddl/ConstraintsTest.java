package io.snapsync.core.sql.ddl;

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

/** NOT NULL and CHECK constraints with PostgreSQL's names, texts and details. */
class ConstraintsTest {

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
  }

  @AfterEach
  void close() {
    await(s.close());
  }

  @Test
  void notNullViolationHasPostgresTextAndDetail() {
    exec(s, "CREATE TABLE nn (a int NOT NULL, b text)");
    SnapsyncException x = fails(s, "INSERT INTO nn (b) VALUES ('x')", "23502");
    assertEquals("null value in column \"a\" of relation \"nn\" violates not-null constraint",
        x.getMessage());
    assertEquals("Failing row contains (null, x).", e.render(x.detail()));
    fails(s, "INSERT INTO nn SELECT NULL, 'y'", "23502");
  }

  @Test
  void checkConstraintsAreEnforcedWithDefaultNames() {
    exec(s, "CREATE TABLE ck (a int CHECK (a > 0), b int, c text, CHECK (a < b),"
        + " CONSTRAINT c_short CHECK (length(c) < 4))");
    exec(s, "INSERT INTO ck VALUES (1, 2, 'abc'), (2, 3, NULL)");
    SnapsyncException x = fails(s, "INSERT INTO ck VALUES (0, 2, 'x')", "23514");
    assertEquals("new row for relation \"ck\" violates check constraint \"ck_a_check\"",
        x.getMessage());
    assertEquals("Failing row contains (0, 2, x).", e.render(x.detail()));
    x = fails(s, "INSERT INTO ck (a, b) VALUES (5, 1)", "23514");
    assertEquals("new row for relation \"ck\" violates check constraint \"ck_check\"",
        x.getMessage());
    x = fails(s, "INSERT INTO ck SELECT 1, 2, 'long'", "23514");
    assertEquals("new row for relation \"ck\" violates check constraint \"c_short\"",
        x.getMessage());
    fails(s, "UPDATE ck SET a = -1 WHERE a = 1", "23514");
    // NULL passes a check, as in PostgreSQL
    exec(s, "INSERT INTO ck VALUES (NULL, NULL, NULL)");
    assertEquals(3L, ((Number) value(s, "SELECT count(*) FROM ck")).longValue());
    exec(s, "CREATE TABLE ckn (n numeric(6,2) CHECK (n < 1.5), d date CHECK (d > '2000-01-01'))");
    exec(s, "INSERT INTO ckn VALUES (1.49, '2001-02-03')");
    fails(s, "INSERT INTO ckn VALUES (1.5, NULL)", "23514");
    fails(s, "INSERT INTO ckn VALUES (NULL, '1999-12-31')", "23514");
    fails(s, "CREATE TABLE ck2 (a int, CONSTRAINT x CHECK (a > 0), CONSTRAINT x CHECK (a < 9))",
        "42710");
  }
}
