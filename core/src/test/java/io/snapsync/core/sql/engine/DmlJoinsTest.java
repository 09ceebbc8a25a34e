package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DML read from the project's grammar: UPDATE ... FROM, DELETE ... USING, RETURNING and ON
 * CONFLICT taken from the syntax tree, {@code $n} parameters by number, and words Calcite
 * reserves used as names. Expected results are PostgreSQL 15's.
 */
class DmlJoinsTest extends EngineTestBase {

  @Test
  void updateFromChangesEachJoinedRowOnceWithTheFirstMatch() {
    exec(s, "CREATE TABLE j1 (id int PRIMARY KEY, n int)");
    exec(s, "INSERT INTO j1 VALUES (1, 0), (2, 0), (3, 0)");
    exec(s, "CREATE TABLE j2 (k int, d int)");
    exec(s, "INSERT INTO j2 VALUES (1, 5), (2, 7), (2, 7)");
    assertEquals("UPDATE 2", exec(s, "UPDATE j1 SET n = j1.n + j2.d FROM j2 WHERE j2.k = j1.id")
        .commandTag());
    assertEquals(List.of(row(1, 5), row(2, 7), row(3, 0)),
        rows("SELECT * FROM j1 ORDER BY id"));
    assertEquals(List.of(row(1, 105)), exec(s,
        "UPDATE j1 AS x SET n = 100 + y.d FROM j2 y WHERE y.k = x.id AND x.id = 1 RETURNING x.*")
        .rows());
  }

  @Test
  void deleteUsingRemovesJoinedRowsAndReturnsFromBothTables() {
    exec(s, "CREATE TABLE d1 (id int PRIMARY KEY, n int)");
    exec(s, "INSERT INTO d1 VALUES (1, 10), (2, 20), (3, 30)");
    exec(s, "CREATE TABLE d2 (k int, tag text)");
    exec(s, "INSERT INTO d2 VALUES (1, 'a'), (3, 'c'), (3, 'c')");
    var r = exec(s, "DELETE FROM d1 USING d2 WHERE d2.k = d1.id RETURNING d1.id, d2.tag");
    assertEquals("DELETE 2", r.commandTag());
    assertEquals(List.of("id", "tag"), r.columns().stream().map(c -> c.name()).toList());
    assertEquals(List.of(row(1, "a"), row(3, "c")), r.rows());
    assertEquals(List.of(row(2, 20)), rows("SELECT * FROM d1"));
  }

  @Test
  void keylessTableUpdateFrom() {
    exec(s, "CREATE TABLE k1 (a int, b int)");
    exec(s, "INSERT INTO k1 VALUES (1, 0), (1, 0), (2, 0), (7, 0)");
    assertEquals("UPDATE 3", exec(s, "UPDATE k1 SET b = u.id * 10 FROM u WHERE u.id = k1.a")
        .commandTag());
    assertEquals(List.of(row(1, 10), row(1, 10), row(2, 20), row(7, 0)),
        rows("SELECT * FROM k1 ORDER BY a, b"));
  }

  @Test
  void onConflictAndReturningComeFromTheSyntaxTree() {
    exec(s, "CREATE TABLE oc (id int PRIMARY KEY, n int)");
    exec(s, "INSERT INTO oc VALUES (1, 1)");
    assertEquals(List.of(row(1, 11)), exec(s, "INSERT INTO oc AS o VALUES (1, 10) "
        + "ON CONFLICT (id) DO UPDATE SET n = o.n + excluded.n RETURNING o.id, o.n").rows());
    assertEquals("INSERT 0 0", exec(s,
        "INSERT INTO oc VALUES (1, 5) ON CONFLICT ON CONSTRAINT oc_pkey DO NOTHING")
        .commandTag());
    assertEquals("constraint \"nope\" for table \"oc\" does not exist", text(fails(
        "INSERT INTO oc VALUES (1, 5) ON CONFLICT ON CONSTRAINT nope DO NOTHING", "42704")));
    assertEquals(List.of(row(2, "returning")), exec(s,
        "INSERT INTO oc VALUES (2, 0) RETURNING id, 'returning' AS \"returning\"").rows());
  }

  @Test
  void wordsCalciteReservesAreNames() {
    exec(s, "CREATE TABLE kw (id int PRIMARY KEY, \"value\" text, \"result\" int, \"one\" int, \"year\" int)");
    exec(s, "INSERT INTO kw (id, value, result, one, year) VALUES (1, 'v', 2, 3, 2024)");
    assertEquals(List.of(row("v", 2, 3, 2024)),
        rows("SELECT value, result, one, year FROM kw WHERE value = 'v'"));
    assertEquals(List.of(row(1)),
        rows("WITH one AS (SELECT id FROM kw) SELECT * FROM one"));
  }
}
