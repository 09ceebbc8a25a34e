package io.snapsync.core.sql.engine.dml;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
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

/** INSERT, UPDATE and DELETE through the engine on a real database: good and bad paths. */
class DmlTest {

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
    exec(s, "DROP TABLE IF EXISTS t; CREATE TABLE t (id int PRIMARY KEY, v text, b boolean, "
        + "n bigint NOT NULL)");
    exec(s, "INSERT INTO t VALUES (1, 'a', true, 10), (2, 'b', false, 20)");
  }

  @AfterEach
  void close() {
    await(s.close());
  }

  private List<List<Object>> all() {
    return exec(s, "SELECT * FROM t ORDER BY id").rows();
  }

  @Test
  void insertTakesExpressionsDefaultAndAssignmentCasts() {
    assertEquals("INSERT 0 2", exec(s,
        "INSERT INTO t VALUES (1 + 2, upper('x') || 'y', DEFAULT, '7'), (4, NULL, NULL, 2 * 4)")
        .commandTag());
    assertEquals(Arrays.asList(3, "Xy", null, 7L), all().get(2));
    assertEquals(Arrays.asList(4, null, null, 8L), all().get(3));
    assertEquals("INSERT 0 1", exec(s, "INSERT INTO t (n, id) VALUES (5, 5)").commandTag());
    assertEquals(Arrays.asList(5, null, null, 5L), all().get(4));
  }

  @Test
  void updateSetDefaultWritesTheColumnsDefault() {
    exec(s, "DROP TABLE IF EXISTS d; CREATE TABLE d (id int PRIMARY KEY, v text DEFAULT 'dv', "
        + "n int DEFAULT 40 + 2, w text)");
    exec(s, "INSERT INTO d VALUES (1, 'x', 1, 'y')");
    assertEquals("UPDATE 1", exec(s, "UPDATE d SET v = DEFAULT, n = DEFAULT, w = DEFAULT")
        .commandTag());
    assertEquals(List.of(Arrays.asList(1, "dv", 42, null)),
        exec(s, "SELECT * FROM d").rows());
  }

  @Test
  void insertSelectReadsTheStatementSnapshotOfItsOwnTable() {
    assertEquals("INSERT 0 2",
        exec(s, "INSERT INTO t SELECT id + 10, v || '2', NOT b, n * 2 FROM t").commandTag());
    assertEquals(List.of(List.of(1), List.of(2), List.of(11), List.of(12)),
        exec(s, "SELECT id FROM t ORDER BY id").rows());
    assertEquals(List.of(11, "a2", false, 20L), all().get(2));
    assertEquals("INSERT 0 0", exec(s, "INSERT INTO t SELECT * FROM t WHERE id > 100")
        .commandTag());
  }

  @Test
  void updateComputesFromTheRowWithSubqueries() {
    assertEquals("UPDATE 2", exec(s, "UPDATE t SET n = n + 1, v = v || '!'").commandTag());
    assertEquals(List.of(List.of(1, "a!", true, 11L), List.of(2, "b!", false, 21L)), all());
    assertEquals("UPDATE 1", exec(s,
        "UPDATE t SET n = (SELECT max(n) FROM t) * 10 WHERE id IN (SELECT id FROM t WHERE b)")
        .commandTag());
    assertEquals(210L, value(s, "SELECT n FROM t WHERE id = 1"));
    assertEquals("UPDATE 0", exec(s, "UPDATE t SET n = 0 WHERE v IS NULL").commandTag());
    assertEquals("UPDATE 1", exec(s, "UPDATE t AS x SET b = NULL WHERE x.id = 2").commandTag());
    assertEquals(null, value(s, "SELECT b FROM t WHERE id = 2"));
  }

  @Test
  void updateMovesThePrimaryKeyAndChecksUniqueness() {
    assertEquals("UPDATE 1", exec(s, "UPDATE t SET id = id + 10 WHERE id = 1").commandTag());
    assertEquals(List.of(List.of(2), List.of(11)), exec(s, "SELECT id FROM t ORDER BY id")
        .rows());
    assertEquals("a", value(s, "SELECT v FROM t WHERE id = 11"));
    SnapsyncException x = fails(s, "UPDATE t SET id = 2 WHERE id = 11", "23505");
    assertEquals("duplicate key value violates unique constraint \"t_pkey\"", x.getMessage());
    assertEquals("Key (id)=(2) already exists.", e.render(x.detail()));
    assertEquals(List.of(List.of(2), List.of(11)), exec(s, "SELECT id FROM t ORDER BY id")
        .rows());
  }

  @Test
  void deleteWithExpressionsAndSubqueries() {
    exec(s, "INSERT INTO t VALUES (3, 'c', true, 30)");
    assertEquals("DELETE 1", exec(s, "DELETE FROM t WHERE n * 2 > 50").commandTag());
    assertEquals("DELETE 1", exec(s,
        "DELETE FROM t x WHERE x.n = (SELECT min(n) FROM t)").commandTag());
    assertEquals(List.of(List.of(2, "b", false, 20L)), all());
    assertEquals("DELETE 0", exec(s, "DELETE FROM t WHERE false").commandTag());
    assertEquals("DELETE 1", exec(s, "DELETE FROM t").commandTag());
    assertEquals(List.of(), all());
  }

  @Test
  void returningGivesTheWrittenRows() {
    StatementResult r = exec(s,
        "INSERT INTO t VALUES (3, 'c', true, 30), (4, 'd', NULL, 40) RETURNING id, v || '!' AS x");
    assertEquals("INSERT 0 2", r.commandTag());
    assertEquals(List.of("id", "x"), r.columns().stream().map(c -> c.name()).toList());
    assertEquals(List.of(List.of(3, "c!"), List.of(4, "d!")), r.rows());
    r = exec(s, "UPDATE t SET n = n + 1 WHERE id >= 3 RETURNING *");
    assertEquals("UPDATE 2", r.commandTag());
    assertEquals(List.of("id", "v", "b", "n"), r.columns().stream().map(c -> c.name()).toList());
    assertEquals(List.of(List.of(3, "c", true, 31L), Arrays.asList(4, "d", null, 41L)), r.rows());
    r = exec(s, "DELETE FROM t WHERE id = 4 RETURNING id, n * 2");
    assertEquals("DELETE 1", r.commandTag());
    assertEquals(List.of(List.of(4, 82L)), r.rows());
    assertEquals("UPDATE 0", exec(s, "UPDATE t SET n = 0 WHERE id = 99 RETURNING id")
        .commandTag());
    assertEquals(List.of("id"), await(s.describe("DELETE FROM t RETURNING id")).stream()
        .map(c -> c.name()).toList());
    // PostgreSQL: 42703; the engine's validator maps an unknown column to 0A000 for now (as
    // for SELECT nope FROM t)
    org.junit.jupiter.api.Assertions.assertThrows(SnapsyncException.class,
        () -> exec(s, "INSERT INTO t VALUES (5, 'e', true, 5) RETURNING nope"));
    assertEquals(3, all().size(), "a failed RETURNING writes nothing");
  }

  @Test
  void onConflictDoNothingAndDoUpdateWithExcluded() {
    assertEquals("INSERT 0 1", exec(s,
        "INSERT INTO t VALUES (1, 'x', true, 1), (3, 'c', true, 30) ON CONFLICT DO NOTHING")
        .commandTag());
    assertEquals(List.of(1, "a", true, 10L), all().get(0));
    assertEquals("INSERT 0 1", exec(s, "INSERT INTO t VALUES (6, 'f', true, 1), "
        + "(6, 'g', true, 2) ON CONFLICT (id) DO NOTHING").commandTag());
    assertEquals("f", value(s, "SELECT v FROM t WHERE id = 6"));
    assertEquals("INSERT 0 1", exec(s, "INSERT INTO t VALUES (1, 'x', true, 1) ON CONFLICT (id) "
        + "DO UPDATE SET v = excluded.v || t.v, n = t.n + excluded.n").commandTag());
    assertEquals(List.of(1, "xa", true, 11L), all().get(0));
    assertEquals("INSERT 0 0", exec(s, "INSERT INTO t VALUES (1, 'x', true, 1) ON CONFLICT (id) "
        + "DO UPDATE SET n = 0 WHERE t.n > 100").commandTag());
    StatementResult r = exec(s, "INSERT INTO t VALUES (2, 'y', false, 2), (7, 'h', true, 7) "
        + "ON CONFLICT (id) DO UPDATE SET n = excluded.n * 10 RETURNING id, n");
    assertEquals("INSERT 0 2", r.commandTag());
    assertEquals(List.of(List.of(2, 20L), List.of(7, 7L)), r.rows());
    assertEquals("there is no unique or exclusion constraint matching the ON CONFLICT "
        + "specification", fails(s, "INSERT INTO t VALUES (1, 'x', true, 1) ON CONFLICT (v) "
        + "DO NOTHING", "42P10").getMessage());
    assertEquals("ON CONFLICT DO UPDATE command cannot affect row a second time",
        fails(s, "INSERT INTO t VALUES (8, 'a', true, 1), (8, 'b', true, 2) ON CONFLICT (id) "
            + "DO UPDATE SET n = 9", "21000").getMessage());
    fails(s, "INSERT INTO t VALUES (1, 'x', true, 1) ON CONFLICT (id) DO", "42601");
  }

  @Test
  void truncateEmptiesTablesTransactionally() {
    exec(s, "DROP TABLE IF EXISTS u; CREATE TABLE u (k text PRIMARY KEY)");
    exec(s, "INSERT INTO u VALUES ('x'), ('y')");
    exec(s, "BEGIN");
    assertEquals("TRUNCATE TABLE", exec(s, "TRUNCATE TABLE t, public.u").commandTag());
    assertEquals(0L, value(s, "SELECT count(*) FROM t"));
    exec(s, "ROLLBACK");
    assertEquals(2L, value(s, "SELECT count(*) FROM u"));
    assertEquals("TRUNCATE TABLE", exec(s, "TRUNCATE u").commandTag());
    assertEquals(0L, value(s, "SELECT count(*) FROM u"));
    assertEquals("INSERT 0 1", exec(s, "INSERT INTO u VALUES ('x')").commandTag());
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(s, "TRUNCATE t RESTART IDENTITY");
    assertEquals("INSERT 0 1", exec(s, "INSERT INTO t VALUES (1, 'again', true, 1)")
        .commandTag());
    exec(s, "COMMIT");
    assertEquals(List.of(List.of(1, "again", true, 1L)), all());
    assertEquals("relation \"nope\" does not exist",
        fails(s, "TRUNCATE t, nope", "42P01").getMessage());
    assertEquals(1L, value(s, "SELECT count(*) FROM t"));
    // no foreign keys yet: CASCADE truncates the named tables only
    exec(s, "TRUNCATE t CASCADE");
    assertEquals(0L, value(s, "SELECT count(*) FROM t"));
    fails(s, "TRUNCATE", "42601");
    fails(s, "TRUNCATE t u", "42601");
    exec(s, "DROP TABLE u");
  }

  @Test
  void parametersTakeTheTargetColumnsType() {
    assertEquals("INSERT 0 1", await(s.execute("INSERT INTO t VALUES ($1, $2, $3, $4)",
        List.of("7", "seven", "true", "70"))).commandTag());
    assertEquals(List.of(7, "seven", true, 70L), all().get(2));
    assertEquals("UPDATE 1", await(s.execute("UPDATE t SET n = $1 WHERE id = $2",
        List.of("71", "7"))).commandTag());
    assertEquals(71L, value(s, "SELECT n FROM t WHERE id = 7"));
    assertEquals("DELETE 1", await(s.execute("DELETE FROM t WHERE id = $1", List.of("7")))
        .commandTag());
  }

  @Test
  void errorsArePostgresqls() {
    assertEquals("INSERT has more expressions than target columns",
        fails(s, "INSERT INTO t VALUES (9, 'x', true, 1, 2)", "42601").getMessage());
    assertEquals("INSERT has more target columns than expressions",
        fails(s, "INSERT INTO t (id, n) VALUES (9)", "42601").getMessage());
    assertEquals("column \"nope\" of relation \"t\" does not exist",
        fails(s, "INSERT INTO t (id, nope) VALUES (9, 1)", "42703").getMessage());
    assertEquals("column \"nope\" of relation \"t\" does not exist",
        fails(s, "UPDATE t SET nope = 1", "42703").getMessage());
    assertEquals("relation \"nope\" does not exist",
        fails(s, "DELETE FROM nope", "42P01").getMessage());
    assertEquals("multiple assignments to same column \"v\"",
        fails(s, "UPDATE t SET v = 'x', v = 'y'", "42601").getMessage());
    assertEquals("column \"n\" specified more than once",
        fails(s, "INSERT INTO t (id, n, n) VALUES (9, 1, 2)", "42701").getMessage());
    SnapsyncException nn = fails(s, "INSERT INTO t (id) VALUES (9)", "23502");
    assertEquals("null value in column \"n\" of relation \"t\" violates not-null constraint",
        nn.getMessage());
    fails(s, "UPDATE t SET n = NULL WHERE id = 1", "23502");
    fails(s, "INSERT INTO t VALUES ('abc', 'x', true, 1)", "22P02");
    fails(s, "INSERT INTO t VALUES (1, 'dup', true, 1)", "23505");
    fails(s, "INSERT INTO t VALUES (9, 'x', true, 1), (9, 'y', true, 1)", "23505");
    fails(s, "UPDATE t SET n = 1 WHERE nope = 1", "42703");
    fails(s, "DELETE FROM t WHERE", "42601");
    exec(s, "BEGIN READ ONLY");
    assertEquals("cannot execute UPDATE in a read-only transaction",
        fails(s, "UPDATE t SET n = 1", "25006").getMessage());
    exec(s, "ROLLBACK");
    assertEquals(List.of(List.of(1, "a", true, 10L), List.of(2, "b", false, 20L)), all());
  }
}
