package io.snapsync.core.sql.ddl;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOREIGN KEY ... REFERENCES (NO ACTION / RESTRICT, MATCH SIMPLE). Every expected text was
 * taken from PostgreSQL 15 running the same statements.
 */
class ForeignKeyTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;
  static Session other;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    other = fx.session();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void tables() {
    exec(s, "DROP TABLE IF EXISTS c; DROP TABLE IF EXISTS p; DROP TABLE IF EXISTS nopk");
    exec(s, "CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE)");
    exec(s, "CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p, pcode text,"
        + " FOREIGN KEY (pcode) REFERENCES p (code))");
    exec(s, "INSERT INTO p VALUES (1, 'a'), (2, 'b'); INSERT INTO c VALUES (10, 1, 'a')");
  }

  @AfterEach
  void endBlocks() {
    exec(s, "ROLLBACK");
    exec(other, "ROLLBACK");
  }

  private static SnapsyncException fails(Session on, String sql, String state) {
    return EngineFixture.fails(on, sql, state);
  }

  private static String detail(SnapsyncException e) {
    return fx.render(e.detail());
  }

  @Test
  void referencingRowMustReferenceAnExistingRow() {
    SnapsyncException e = fails(s, "INSERT INTO c VALUES (11, 3, NULL)", "23503");
    assertEquals("insert or update on table \"c\" violates foreign key constraint \"c_pid_fkey\"",
        e.getMessage());
    assertEquals("Key (pid)=(3) is not present in table \"p\".", detail(e));
    e = fails(s, "INSERT INTO c VALUES (12, NULL, 'zz')", "23503");
    assertEquals("insert or update on table \"c\" violates foreign key constraint "
        + "\"c_pcode_fkey\"", e.getMessage());
    assertEquals("Key (pcode)=(zz) is not present in table \"p\".", detail(e));
    exec(s, "INSERT INTO c VALUES (13, NULL, NULL)");
    fails(s, "UPDATE c SET pid = 7 WHERE id = 10", "23503");
    exec(s, "UPDATE c SET pid = 2, pcode = 'b' WHERE id = 10");
    exec(s, "BEGIN; INSERT INTO p VALUES (3, 'c'); INSERT INTO c VALUES (14, 3, 'c'); COMMIT");
  }

  @Test
  void referencedRowCannotGoWhileReferenced() {
    SnapsyncException e = fails(s, "DELETE FROM p WHERE id = 1", "23503");
    assertEquals("update or delete on table \"p\" violates foreign key constraint "
        + "\"c_pid_fkey\" on table \"c\"", e.getMessage());
    assertEquals("Key (id)=(1) is still referenced from table \"c\".", detail(e));
    fails(s, "UPDATE p SET id = 5 WHERE id = 1", "23503");
    e = fails(s, "UPDATE p SET code = 'q' WHERE id = 1", "23503");
    assertEquals("Key (code)=(a) is still referenced from table \"c\".", detail(e));
    assertEquals("DELETE 1", exec(s, "DELETE FROM p WHERE id = 2").commandTag());
    exec(s, "UPDATE p SET code = 'a' WHERE id = 1");
    exec(s, "BEGIN; DELETE FROM c; DELETE FROM p; COMMIT");
  }

  @Test
  void createTableChecksTheReferencedKey() {
    assertEquals("there is no unique constraint matching given keys for referenced table \"c\"",
        fails(s, "CREATE TABLE bad (x int REFERENCES c (pid))", "42830").getMessage());
    assertEquals("relation \"nosuch\" does not exist",
        fails(s, "CREATE TABLE bad (x int REFERENCES nosuch)", "42P01").getMessage());
    assertEquals("column \"nope\" referenced in foreign key constraint does not exist",
        fails(s, "CREATE TABLE bad (x int REFERENCES p (nope))", "42703").getMessage());
    assertEquals("number of referencing and referenced columns for foreign key disagree",
        fails(s, "CREATE TABLE bad (x int, y int, FOREIGN KEY (x, y) REFERENCES p (id))",
            "42830").getMessage());
    exec(s, "CREATE TABLE nopk (a int)");
    assertEquals("there is no primary key for referenced table \"nopk\"",
        fails(s, "CREATE TABLE bad (x int REFERENCES nopk)", "42704").getMessage());
  }

  @Test
  void dropTableOfAReferencedTableNeedsCascade() {
    exec(s, "CREATE TABLE c2 (pid int CONSTRAINT c2_named REFERENCES p (id))");
    exec(s, "DROP TABLE c");
    SnapsyncException e = fails(s, "DROP TABLE p", "2BP01");
    assertEquals("cannot drop table p because other objects depend on it", e.getMessage());
    assertEquals("constraint c2_named on table c2 depends on table p", detail(e));
    StatementResult r = exec(s, "DROP TABLE p CASCADE");
    assertEquals("drop cascades to constraint c2_named on table c2",
        fx.render(r.notices().get(0).message()));
    exec(s, "INSERT INTO c2 VALUES (99)");
    exec(s, "DROP TABLE c2");
  }

  @Test
  void truncateOfAReferencedTableNeedsItsReferencingTables() {
    SnapsyncException e = fails(s, "TRUNCATE p", "0A000");
    assertEquals("cannot truncate a table referenced in a foreign key constraint",
        e.getMessage());
    assertEquals("Table \"c\" references \"p\".", detail(e));
    assertEquals("Truncate table \"c\" at the same time, or use TRUNCATE ... CASCADE.",
        fx.render(e.hint()));
    exec(s, "TRUNCATE c, p");
    fails(s, "ALTER TABLE p RENAME TO p9", "0A000");
  }

  @Test
  void selfReferenceAndDroppingTheReferencingTable() {
    exec(s, "CREATE TABLE tree (id int PRIMARY KEY, up int REFERENCES tree)");
    exec(s, "INSERT INTO tree VALUES (1, NULL), (2, 1)");
    fails(s, "INSERT INTO tree VALUES (3, 9)", "23503");
    fails(s, "DELETE FROM tree WHERE id = 1", "23503");
    exec(s, "DELETE FROM tree WHERE id = 2; DELETE FROM tree WHERE id = 1; DROP TABLE tree");
    exec(s, "DROP TABLE c");
    exec(s, "DELETE FROM p");
  }

  @Test
  void concurrentDeleteWaitsForTheReferencingInsertAndSeesIt() {
    exec(s, "BEGIN; INSERT INTO c VALUES (20, 2, NULL)");
    Future<List<StatementResult>> delete = other.execute("DELETE FROM p WHERE id = 2");
    awaitRowLockWaiter(delete);
    assertFalse(delete.isComplete());
    exec(s, "COMMIT");
    try {
      await(delete);
      throw new AssertionError("the delete must fail");
    } catch (SnapsyncException e) {
      assertEquals("23503", e.sqlState());
    }
  }

  @Test
  void repeatableReadInsertCannotReferenceARowDeletedAfterItsSnapshot() {
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM p");
    exec(other, "DELETE FROM p WHERE id = 2");
    assertEquals("could not serialize access due to concurrent update",
        fails(s, "INSERT INTO c VALUES (21, 2, NULL)", "40001").getMessage());
  }

  /** Returns once a statement waits for a row lock (the store counts its waiters). */
  private static void awaitRowLockWaiter(Future<?> running) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (fx.store.stats().lockWaiters() == 0) {
      if (running.isComplete() || System.nanoTime() > deadline) {
        throw new AssertionError("the statement did not wait for a row lock: " + running);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
