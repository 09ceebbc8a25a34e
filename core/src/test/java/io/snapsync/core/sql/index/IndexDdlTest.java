package io.snapsync.core.sql.index;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE INDEX, DROP INDEX and unique indexes over a real store, with PostgreSQL's texts. */
class IndexDdlTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void table() {
    exec(s, "DROP TABLE IF EXISTS t");
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, a int, b text)");
    exec(s, "INSERT INTO t VALUES (1, 10, 'x'), (2, 20, 'y'), (3, NULL, 'z')");
  }

  private static TableDef def(String table) {
    StoreTransaction t = fx.store.begin();
    try {
      return TableCatalog.find(t, table);
    } finally {
      t.rollback();
    }
  }

  private static SnapsyncException fails(String sql, String state) {
    return EngineFixture.fails(s, sql, state);
  }

  private static String detail(SnapsyncException e) {
    return fx.render(e.detail());
  }

  @Test
  void createIndexChoosesPostgresDefaultNames() {
    assertEquals("CREATE INDEX", exec(s, "CREATE INDEX ON t (a)").commandTag());
    exec(s, "CREATE INDEX ON t (a)");
    exec(s, "CREATE INDEX ON t (a DESC, b NULLS FIRST)");
    List<IndexDef> ix = def("t").indexes();
    assertEquals(List.of("t_a_idx", "t_a_idx1", "t_a_b_idx"),
        ix.stream().map(IndexDef::name).toList());
    assertEquals(List.of(1, 2), ix.get(2).columns());
    assertEquals(List.of(true, false), ix.get(2).descending());
    assertEquals(List.of(true, true), ix.get(2).nullsFirst());
    assertFalse(ix.get(0).unique());
  }

  @Test
  void createIndexErrorsAreThoseOfPostgres() {
    exec(s, "CREATE INDEX t_a ON t (a)");
    assertEquals("relation \"t_a\" already exists",
        fails("CREATE INDEX t_a ON t (b)", "42P07").getMessage());
    assertEquals("relation \"t\" already exists", fails("CREATE INDEX t ON t (b)", "42P07")
        .getMessage());
    StatementResult r = exec(s, "CREATE INDEX IF NOT EXISTS t_a ON t (b)");
    assertEquals("relation \"t_a\" already exists, skipping",
        fx.render(r.notices().get(0).message()));
    assertEquals("column \"nope\" does not exist",
        fails("CREATE INDEX ON t (nope)", "42703").getMessage());
    assertEquals("relation \"missing\" does not exist",
        fails("CREATE INDEX ON missing (a)", "42P01").getMessage());
    fails("CREATE INDEX ON t ((a + 1))", "0A000");
    fails("CREATE INDEX ON t (a) WHERE a > 1", "0A000");
    fails("CREATE INDEX ON t USING hash (a)", "0A000");
  }

  @Test
  void dropIndexRemovesItAndReportsMissingOnes() {
    exec(s, "CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (b)");
    assertEquals("DROP INDEX", exec(s, "DROP INDEX t_a, t_b").commandTag());
    assertTrue(def("t").indexes().isEmpty());
    assertEquals("index \"t_a\" does not exist", fails("DROP INDEX t_a", "42704").getMessage());
    StatementResult r = exec(s, "DROP INDEX IF EXISTS t_a");
    assertEquals("index \"t_a\" does not exist, skipping",
        fx.render(r.notices().get(0).message()));
    exec(s, "CREATE INDEX t_a ON t (a)");
  }

  @Test
  void indexDdlIsTransactional() {
    exec(s, "BEGIN; CREATE UNIQUE INDEX t_a ON t (a)");
    fails("INSERT INTO t VALUES (9, 10, 'dup')", "23505");
    exec(s, "ROLLBACK");
    assertTrue(def("t").indexes().isEmpty());
    exec(s, "INSERT INTO t VALUES (9, 10, 'dup')");
  }

  @Test
  void uniqueIndexRejectsDuplicatesWithPostgresTexts() {
    exec(s, "CREATE UNIQUE INDEX t_a_key ON t (a)");
    SnapsyncException e = fails("INSERT INTO t VALUES (4, 10, 'w')", "23505");
    assertEquals("duplicate key value violates unique constraint \"t_a_key\"", e.getMessage());
    assertEquals("Key (a)=(10) already exists.", detail(e));
    fails("UPDATE t SET a = 20 WHERE id = 1", "23505");
    exec(s, "UPDATE t SET a = 10, b = 'same row' WHERE id = 1");
    exec(s, "INSERT INTO t VALUES (4, NULL, 'nulls never collide'), (5, NULL, 'n')");
    exec(s, "DELETE FROM t WHERE id = 1");
    exec(s, "INSERT INTO t VALUES (6, 10, 'free again')");
    exec(s, "UPDATE t SET id = 60 WHERE id = 6");
    fails("INSERT INTO t (id, a) SELECT 7, 10", "23505");
    exec(s, "TRUNCATE t");
    exec(s, "INSERT INTO t VALUES (1, 10, 'after truncate'), (2, 20, 'x')");
    assertEquals(2L, ((Number) value(s, "SELECT count(*) FROM t")).longValue());
  }

  @Test
  void multiColumnUniqueIndexComparesWholeTuples() {
    exec(s, "CREATE UNIQUE INDEX ON t (a, b)");
    exec(s, "INSERT INTO t VALUES (4, 10, 'other')");
    SnapsyncException e = fails("INSERT INTO t VALUES (5, 10, 'x')", "23505");
    assertEquals("Key (a, b)=(10, x) already exists.", detail(e));
  }

  @Test
  void uniqueIndexOverDuplicatesCannotBeBuilt() {
    exec(s, "INSERT INTO t VALUES (4, 10, 'again')");
    SnapsyncException e = fails("CREATE UNIQUE INDEX t_a_key ON t (a)", "23505");
    assertEquals("could not create unique index \"t_a_key\"", e.getMessage());
    assertEquals("Key (a)=(10) is duplicated.", detail(e));
  }

  @Test
  void uniqueConstraintsAddAPrimaryKeyToAKeylessTable() {
    exec(s, "DROP TABLE IF EXISTS k; CREATE TABLE k (bid int, filler text)");
    exec(s, "INSERT INTO k VALUES (1, 'a'), (2, 'b')");
    StoreTransaction t = fx.store.begin();
    TableDef d = UniqueConstraints.add(t, "k", "k_pkey", List.of("bid"), true);
    t.commit();
    assertTrue(d.isNotNull(0));
    assertTrue(d.index("k_pkey").primary());
    SnapsyncException e = fails("INSERT INTO k VALUES (1, 'dup')", "23505");
    assertEquals("duplicate key value violates unique constraint \"k_pkey\"", e.getMessage());
    fails("INSERT INTO k VALUES (NULL, 'null')", "23502");
    fails("DROP INDEX k_pkey", "2BP01");
  }
}
