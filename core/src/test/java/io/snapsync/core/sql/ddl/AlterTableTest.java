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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE on a real database: columns, defaults, NOT NULL, CHECK, renames. */
class AlterTableTest {

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
  void addDropAndRenameColumns() {
    exec(s, "CREATE TABLE al (id int PRIMARY KEY, a text); INSERT INTO al VALUES (1, 'x')");
    exec(s, "ALTER TABLE al ADD COLUMN b int");
    exec(s, "ALTER TABLE al ADD c int DEFAULT 5");
    assertEquals(List.of(Arrays.asList(1, "x", null, 5)), exec(s, "SELECT * FROM al").rows());
    exec(s, "INSERT INTO al (id) VALUES (2)");
    assertEquals(5, value(s, "SELECT c FROM al WHERE id = 2"));
    fails(s, "ALTER TABLE al ADD COLUMN b text", "42701");
    assertEquals(1, exec(s, "ALTER TABLE al ADD COLUMN IF NOT EXISTS b text").notices().size());
    fails(s, "ALTER TABLE al ADD COLUMN d int NOT NULL", "23502");
    exec(s, "ALTER TABLE al DROP COLUMN a");
    assertEquals(List.of(Arrays.asList(1, null, 5), Arrays.asList(2, null, 5)),
        exec(s, "SELECT * FROM al ORDER BY id").rows());
    fails(s, "ALTER TABLE al DROP COLUMN id", "2BP01");
    SnapsyncException x = fails(s, "ALTER TABLE al DROP COLUMN nope", "42703");
    assertEquals("column \"nope\" of relation \"al\" does not exist", x.getMessage());
    exec(s, "ALTER TABLE al DROP COLUMN IF EXISTS nope");
    exec(s, "ALTER TABLE al RENAME COLUMN b TO bb");
    exec(s, "UPDATE al SET bb = 7 WHERE id = 1");
    assertEquals(7, value(s, "SELECT bb FROM al WHERE id = 1"));
    exec(s, "ALTER TABLE al RENAME TO al2");
    fails(s, "SELECT * FROM al", "42P01");
    assertEquals(2L, ((Number) value(s, "SELECT count(*) FROM al2")).longValue());
    fails(s, "ALTER TABLE nosuch ADD COLUMN z int", "42P01");
    exec(s, "ALTER TABLE IF EXISTS nosuch ADD COLUMN z int");
  }

  @Test
  void defaultsNotNullAndChecks() {
    exec(s, "CREATE TABLE ad (a int, b int); INSERT INTO ad VALUES (1, NULL)");
    exec(s, "ALTER TABLE ad ALTER COLUMN b SET DEFAULT 42");
    exec(s, "INSERT INTO ad (a) VALUES (2)");
    assertEquals(42, value(s, "SELECT b FROM ad WHERE a = 2"));
    exec(s, "ALTER TABLE ad ALTER b DROP DEFAULT");
    exec(s, "INSERT INTO ad (a) VALUES (3)");
    assertEquals(null, value(s, "SELECT b FROM ad WHERE a = 3"));
    fails(s, "ALTER TABLE ad ALTER b SET NOT NULL", "23502");
    exec(s, "ALTER TABLE ad ALTER a SET NOT NULL");
    fails(s, "INSERT INTO ad (b) VALUES (1)", "23502");
    exec(s, "ALTER TABLE ad ALTER a DROP NOT NULL");
    exec(s, "INSERT INTO ad (b) VALUES (1)");
    exec(s, "ALTER TABLE ad ADD CHECK (a < 100)");
    SnapsyncException x = fails(s, "INSERT INTO ad VALUES (100, 1)", "23514");
    assertEquals("new row for relation \"ad\" violates check constraint \"ad_a_check\"",
        x.getMessage());
    exec(s, "ALTER TABLE ad DROP CONSTRAINT ad_a_check");
    exec(s, "INSERT INTO ad VALUES (100, 1)");
    fails(s, "ALTER TABLE ad DROP CONSTRAINT ad_a_check", "42704");
    SnapsyncException bad = fails(s, "ALTER TABLE ad ADD CONSTRAINT small CHECK (a < 50)",
        "23514");
    assertEquals("check constraint \"small\" of relation \"ad\" is violated by some row",
        bad.getMessage());
    exec(s, "ALTER TABLE ad ADD CONSTRAINT pos CHECK (b > 0)");
    fails(s, "INSERT INTO ad VALUES (1, 0)", "23514");
    fails(s, "ALTER TABLE ad RENAME b TO c", "0A000");
    exec(s, "ALTER TABLE ad DROP COLUMN b"); // its CHECK goes with it
    exec(s, "INSERT INTO ad VALUES (5)");
    fails(s, "ALTER TABLE ad ADD PRIMARY KEY (a)", "23502"); // a row has a NULL a
  }

  @Test
  void alterRollsBack() {
    exec(s, "CREATE TABLE ar (a int); INSERT INTO ar VALUES (1)");
    exec(s, "BEGIN; ALTER TABLE ar ADD COLUMN b int DEFAULT 3; ALTER TABLE ar RENAME TO ar2;"
        + " ROLLBACK");
    assertEquals(List.of(List.of(1)), exec(s, "SELECT * FROM ar").rows());
  }
}
