package io.snapsync.core.sql.copy;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY FROM treats rows as INSERT does (PostgreSQL's texts): the columns it leaves out get
 * their defaults, one {@code nextval} per row; NOT NULL, CHECK and unique indexes hold.
 */
class CopyFromConstraintsTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void tables() {
    exec(s, "DROP TABLE IF EXISTS c; DROP TABLE IF EXISTS k; DROP SEQUENCE IF EXISTS cs");
    exec(s, "CREATE SEQUENCE cs");
    exec(s, "CREATE TABLE c (id int DEFAULT nextval('cs'), a text NOT NULL,"
        + " n int DEFAULT 7 CHECK (n > 0), z int CHECK (z < 100))");
    exec(s, "CREATE TABLE k (id serial PRIMARY KEY, name text UNIQUE, at text DEFAULT 'x')");
  }

  private static String file(String name, String data) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, data);
    return p.toString();
  }

  private static List<List<Object>> rows(String sql) {
    return exec(s, sql).rows();
  }

  @Test
  void leftOutColumnsGetTheirDefaultsPerRow() throws Exception {
    String f = file("a.txt", "p\nq\nr\n");
    assertEquals("COPY 3", exec(s, "COPY c (a) FROM '" + f + "'").commandTag());
    assertEquals(List.of(List.of(1, "p", 7), List.of(2, "q", 7), List.of(3, "r", 7)),
        rows("SELECT id, a, n FROM c ORDER BY id"));
    exec(s, "COPY k (name) FROM '" + f + "'");
    assertEquals(List.of(List.of(1, "p", "x"), List.of(2, "q", "x"), List.of(3, "r", "x")),
        rows("SELECT id, name, at FROM k ORDER BY id"));
  }

  @Test
  void checkConstraintsHoldAndNothingOfTheCopyStays() throws Exception {
    String f = file("z.txt", "p\t1\nq\t200\n");
    assertEquals("new row for relation \"c\" violates check constraint \"c_z_check\"",
        EngineFixture.fails(s, "COPY c (a, z) FROM '" + f + "'", "23514").getMessage());
    String zero = file("n.txt", "p\t0\n");
    assertEquals("new row for relation \"c\" violates check constraint \"c_n_check\"",
        EngineFixture.fails(s, "COPY c (a, n) FROM '" + zero + "'", "23514").getMessage());
    assertEquals(List.of(List.of(0L)), rows("SELECT count(*) FROM c"));
  }

  @Test
  void notNullAndUniqueHold() throws Exception {
    String f = file("id.txt", "5\n");
    assertEquals("null value in column \"a\" of relation \"c\" violates not-null constraint",
        EngineFixture.fails(s, "COPY c (id) FROM '" + f + "'", "23502").getMessage());
    String dup = file("dup.txt", "p\np\n");
    assertEquals("duplicate key value violates unique constraint \"k_name_key\"",
        EngineFixture.fails(s, "COPY k (name) FROM '" + dup + "'", "23505").getMessage());
  }
}
