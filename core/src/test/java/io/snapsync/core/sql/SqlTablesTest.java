package io.snapsync.core.sql;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlTablesTest {

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
        + "n bigint)");
  }

  @AfterEach
  void close() {
    await(s.close());
  }

  @Test
  void insertSelectWithTags() {
    StatementResult r = exec(s, "INSERT INTO t VALUES (2, 'b', true, 20), (1, 'a', false, 10)");
    assertEquals("INSERT 0 2", r.commandTag());
    r = exec(s, "SELECT * FROM t");
    assertEquals("SELECT 2", r.commandTag());
    assertEquals(List.of("id", "v", "b", "n"), r.columns().stream().map(c -> c.name()).toList());
    assertEquals(DataType.INT4, r.columns().get(0).type());
    assertEquals(List.of(List.of(1, "a", false, 10L), List.of(2, "b", true, 20L)), r.rows());
    assertEquals(2L, value(s, "SELECT count(*) FROM t"));
    assertEquals("b", value(s, "SELECT v FROM t WHERE id = 2"));
    assertEquals(List.of(List.of(2), List.of(1)),
        exec(s, "SELECT id FROM t ORDER BY id DESC").rows());
    assertEquals(List.of(List.of(1)), exec(s, "SELECT id FROM t ORDER BY v LIMIT 1").rows());
    assertEquals(1L, value(s, "SELECT count(*) FROM t WHERE id >= 2 AND b = true"));
    assertEquals("INSERT 0 1", exec(s, "INSERT INTO t (v, id) VALUES ('it''s', 3)").commandTag());
    assertEquals("it's", value(s, "SELECT v FROM t WHERE id = 3"));
    assertEquals(null, value(s, "SELECT b FROM t WHERE id = 3"));
  }

  @Test
  void textPrimaryKeysKeepOrder() {
    exec(s, "CREATE TABLE names (name text PRIMARY KEY, n int)");
    exec(s, "INSERT INTO names VALUES ('b', 2), ('a', 1), ('ab', 3), ('é', 4)");
    assertEquals(List.of(List.of("a"), List.of("ab"), List.of("b"), List.of("é")),
        exec(s, "SELECT name FROM names").rows());
    assertEquals(List.of(List.of("ab"), List.of("b")),
        exec(s, "SELECT name FROM names WHERE name > 'a' AND name <= 'b'").rows());
    exec(s, "DROP TABLE names");
  }

  @Test
  void negativeIntegerKeysSortBeforePositive() {
    exec(s, "INSERT INTO t (id) VALUES (5), (-3), (0), (-100)");
    assertEquals(List.of(List.of(-100), List.of(-3), List.of(0), List.of(5)),
        exec(s, "SELECT id FROM t").rows());
    assertEquals(List.of(List.of(-3), List.of(0)),
        exec(s, "SELECT id FROM t WHERE id > -50 AND id < 5").rows());
  }

  @Test
  void updateAndDelete() {
    exec(s, "INSERT INTO t VALUES (1, 'a', false, 1), (2, 'b', false, 2), (3, 'c', true, 3)");
    assertEquals("UPDATE 2", exec(s, "UPDATE t SET v = 'x', n = 9 WHERE b = false").commandTag());
    assertEquals(2L, value(s, "SELECT count(*) FROM t WHERE v = 'x' AND n = 9"));
    assertEquals("UPDATE 0", exec(s, "UPDATE t SET v = 'y' WHERE id = 7").commandTag());
    assertEquals("DELETE 1", exec(s, "DELETE FROM t WHERE id = 1").commandTag());
    assertEquals("DELETE 2", exec(s, "DELETE FROM t").commandTag());
    assertEquals(0L, value(s, "SELECT count(*) FROM t"));
  }

  @Test
  void duplicateKeyFails23505WithDetail() {
    exec(s, "INSERT INTO t (id) VALUES (1)");
    SnapsyncException x = fails(s, "INSERT INTO t (id) VALUES (1)", "23505");
    assertEquals("duplicate key value violates unique constraint \"t_pkey\"", x.getMessage());
    assertEquals("Key (id)=(1) already exists.", e.render(x.detail()));
    fails(s, "INSERT INTO t (id) VALUES (7), (7)", "23505");
    assertEquals(1L, value(s, "SELECT count(*) FROM t"));
    exec(s, "DELETE FROM t WHERE id = 1");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(s, "INSERT INTO t (id) VALUES (1)");
    exec(s, "DELETE FROM t WHERE id = 1");
    exec(s, "INSERT INTO t (id) VALUES (1)");
    exec(s, "COMMIT");
    assertEquals(1L, value(s, "SELECT count(*) FROM t"));
  }

  @Test
  void errorsOfTheSubset() {
    SnapsyncException x = fails(s, "SELECT * FROM nosuch", "42P01");
    assertEquals("relation \"nosuch\" does not exist", x.getMessage());
    x = fails(s, "SELECT c FROM t", "42703");
    assertEquals("column \"c\" does not exist", x.getMessage());
    x = fails(s, "INSERT INTO t (id) VALUES ('x')", "22P02");
    assertEquals("invalid input syntax for type integer: \"x\"", x.getMessage());
    x = fails(s, "CREATE TABLE t (id int PRIMARY KEY)", "42P07");
    assertEquals("relation \"t\" already exists", x.getMessage());
    x = fails(s, "INSERT INTO t (v) VALUES ('a')", "23502");
    assertEquals("null value in column \"id\" of relation \"t\" violates not-null constraint",
        x.getMessage());
    fails(s, "CREATE TABLE nopk (a int, PRIMARY KEY (a, a))", "42701"); // tables need no key now
    exec(s, "CREATE TABLE nn (a int PRIMARY KEY, b text NOT NULL)");
    x = fails(s, "INSERT INTO nn (a) VALUES (1)", "23502");
    assertEquals("null value in column \"b\" of relation \"nn\" violates not-null constraint",
        x.getMessage());
    assertEquals("Failing row contains (1, null).", e.render(x.detail()));
    exec(s, "INSERT INTO nn VALUES (1, 'x')");
    fails(s, "UPDATE nn SET b = NULL", "23502");
    exec(s, "DROP TABLE nn");
    fails(s, "CREATE TABLE badtype (a xml PRIMARY KEY)", "42704");
    fails(s, "INSERT INTO t (id) VALUES (99999999999)", "22003");
    x = fails(s, "DROP TABLE nosuch", "42P01");
    assertEquals("table \"nosuch\" does not exist", x.getMessage());
  }

  @Test
  void readOnlyTransactionFails25006() {
    exec(s, "BEGIN READ ONLY");
    SnapsyncException x = fails(s, "INSERT INTO t (id) VALUES (1)", "25006");
    assertEquals("cannot execute INSERT in a read-only transaction", x.getMessage());
    exec(s, "ROLLBACK");
    exec(s, "SET default_transaction_read_only = on");
    fails(s, "UPDATE t SET v = 'a'", "25006");
    fails(s, "DELETE FROM t", "25006");
    exec(s, "RESET default_transaction_read_only");
  }

  @Test
  void ddlIsTransactional() {
    exec(s, "BEGIN");
    exec(s, "CREATE TABLE tx (id bigint PRIMARY KEY)");
    exec(s, "INSERT INTO tx VALUES (1)");
    exec(s, "ROLLBACK");
    fails(s, "SELECT * FROM tx", "42P01");
    exec(s, "INSERT INTO t (id) VALUES (1)");
    exec(s, "BEGIN; DROP TABLE t; ROLLBACK");
    assertEquals(1L, value(s, "SELECT count(*) FROM t"));
    exec(s, "DROP TABLE t; CREATE TABLE t (id int PRIMARY KEY, v text, b boolean, n bigint)");
    assertEquals(0L, value(s, "SELECT count(*) FROM t"));
  }

  @Test
  void parametersBindToColumnTypes() {
    await(s.execute("INSERT INTO t VALUES ($1, $2, $3, $4)", List.of(1, "a", true, 5L)));
    await(s.execute("INSERT INTO t VALUES ($1, $2, $3, $4)", List.of("2", "b", "f", "6")));
    StatementResult r = await(s.execute("SELECT v FROM t WHERE id = $1", List.of(2)));
    assertEquals("b", r.rows().get(0).get(0));
    assertEquals(false, value(s, "SELECT b FROM t WHERE id = 2"));
  }

  @Test
  void savepoints() {
    exec(s, "BEGIN");
    exec(s, "INSERT INTO t (id) VALUES (1)");
    assertEquals("SAVEPOINT", exec(s, "SAVEPOINT a").commandTag());
    exec(s, "INSERT INTO t (id) VALUES (2)");
    exec(s, "SAVEPOINT b");
    exec(s, "INSERT INTO t (id) VALUES (3)");
    assertEquals("ROLLBACK", exec(s, "ROLLBACK TO SAVEPOINT b").commandTag());
    assertEquals(2L, value(s, "SELECT count(*) FROM t"));
    exec(s, "INSERT INTO t (id) VALUES (4)");
    exec(s, "ROLLBACK TO b");
    assertEquals(2L, value(s, "SELECT count(*) FROM t"));
    assertEquals("RELEASE", exec(s, "RELEASE a").commandTag());
    SnapsyncException x = fails(s, "ROLLBACK TO b", "3B001");
    assertEquals("savepoint \"b\" does not exist", x.getMessage());
    exec(s, "ROLLBACK");
    exec(s, "BEGIN");
    exec(s, "SAVEPOINT a");
    exec(s, "INSERT INTO t (id) VALUES (1)");
    fails(s, "INSERT INTO t (id) VALUES (1)", "23505");
    fails(s, "SELECT 1", "25P02");
    exec(s, "ROLLBACK TO a");
    exec(s, "INSERT INTO t (id) VALUES (5)");
    exec(s, "COMMIT");
    assertEquals(List.of(List.of(5)), exec(s, "SELECT id FROM t").rows());
    fails(s, "SAVEPOINT x", "25P01");
  }

  @Test
  void aMultiStatementStringIsOneImplicitTransaction() {
    fails(s, "INSERT INTO t (id) VALUES (1); INSERT INTO t (id) VALUES (1)", "23505");
    assertEquals(0L, value(s, "SELECT count(*) FROM t"));
    List<StatementResult> r = await(s.execute("INSERT INTO t (id) VALUES (1); COMMIT; "
        + "INSERT INTO t (id) VALUES (2)"));
    assertEquals("COMMIT", r.get(1).commandTag());
    assertEquals("25P01", r.get(1).notices().get(0).sqlState());
    assertEquals(2L, value(s, "SELECT count(*) FROM t"));
    assertEquals(io.snapsync.core.session.TransactionStatus.IDLE, s.transactionStatus());
    // BEGIN in the middle turns the implicit block into an explicit one
    exec(s, "INSERT INTO t (id) VALUES (3); BEGIN; INSERT INTO t (id) VALUES (4)");
    assertEquals(io.snapsync.core.session.TransactionStatus.IN_BLOCK, s.transactionStatus());
    exec(s, "ROLLBACK");
    assertEquals(2L, value(s, "SELECT count(*) FROM t"));
  }
}
