package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.testing.TestServices;
import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anomalies per isolation level, row locks and two-phase commit through SQL. */
class IsolationTest extends TwoSessionsFixture {


  @Test
  void readCommittedSeesNonRepeatableReads() {
    exec(a, "BEGIN");
    assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 1"));
    exec(b, "UPDATE acc SET bal = 50 WHERE id = 1");
    assertEquals(50, value(a, "SELECT bal FROM acc WHERE id = 1"));
    exec(a, "COMMIT");
  }

  @Test
  void repeatableReadDoesNot() {
    for (String level : List.of("REPEATABLE READ", "SERIALIZABLE")) {
      exec(a, "BEGIN ISOLATION LEVEL " + level);
      assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 1"));
      exec(b, "UPDATE acc SET bal = bal_placeholder WHERE id = 1".replace("bal_placeholder",
          "7"));
      exec(b, "INSERT INTO acc VALUES (3, 1)");
      assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 1"));
      assertEquals(2L, value(a, "SELECT count(*) FROM acc"));
      exec(a, "COMMIT");
      exec(b, "DELETE FROM acc WHERE id = 3; UPDATE acc SET bal = 100 WHERE id = 1");
    }
  }

  @Test
  void lostUpdateUnderRepeatableReadFails40001AfterTheWriterCommits() {
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    value(a, "SELECT bal FROM acc WHERE id = 1");
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = 90 WHERE id = 1");
    Future<List<StatementResult>> blocked = a.execute("UPDATE acc SET bal = 80 WHERE id = 1");
    awaitLockWaiter(blocked);
    exec(b, "COMMIT");
    Throwable t = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> await(blocked));
    assertEquals("40001", ((io.snapsync.core.error.SnapsyncException) t).sqlState());
    exec(a, "ROLLBACK");
    assertEquals(90, value(a, "SELECT bal FROM acc WHERE id = 1"));
  }

  @Test
  void repeatableReadWriterAfterARollbackGoesAhead() {
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    value(a, "SELECT bal FROM acc WHERE id = 1");
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = 90 WHERE id = 1");
    Future<List<StatementResult>> blocked = a.execute("UPDATE acc SET bal = 80 WHERE id = 1");
    awaitLockWaiter(blocked);
    exec(b, "ROLLBACK");
    assertEquals("UPDATE 1", await(blocked).get(0).commandTag());
    exec(a, "COMMIT");
    assertEquals(80, value(b, "SELECT bal FROM acc WHERE id = 1"));
  }

  @Test
  void readCommittedWaitsAndReevaluatesWhere() {
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = 0 WHERE id = 1");
    Future<List<StatementResult>> blocked =
        a.execute("UPDATE acc SET bal = 1000 WHERE bal = 100");
    awaitLockWaiter(blocked);
    exec(b, "COMMIT");
    // row 1 no longer matches after the wait: only row 2 is updated
    assertEquals("UPDATE 1", await(blocked).get(0).commandTag());
    assertEquals(List.of(List.of(1, 0), List.of(2, 1000)),
        exec(a, "SELECT * FROM acc ORDER BY id").rows());
    assertTrue(e.services.stats().waits().containsKey("Lock:row"));
  }

  @Test
  void lockTimeoutFails55P03AndTheBlockerIsUnaffected() {
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = 1 WHERE id = 1");
    exec(a, "SET lock_timeout = 50");
    var x = fails(a, "UPDATE acc SET bal = 2 WHERE id = 1", "55P03");
    assertEquals("canceling statement due to lock timeout", x.getMessage());
    exec(a, "RESET lock_timeout; SET statement_timeout = 40");
    x = fails(a, "DELETE FROM acc WHERE id = 1", "57014");
    assertEquals("canceling statement due to statement timeout", x.getMessage());
    exec(a, "RESET statement_timeout");
    exec(b, "COMMIT");
    assertEquals("UPDATE 1", exec(a, "UPDATE acc SET bal = 3 WHERE id = 1").commandTag());
    assertEquals(3, value(b, "SELECT bal FROM acc WHERE id = 1"));
  }

  @Test
  void concurrentInsertOfOneKeyFails23505() {
    exec(b, "BEGIN");
    exec(b, "INSERT INTO acc VALUES (5, 1)");
    Future<List<StatementResult>> blocked = a.execute("INSERT INTO acc VALUES (5, 2)");
    exec(b, "COMMIT");
    Throwable t = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> await(blocked));
    assertEquals("23505", ((io.snapsync.core.error.SnapsyncException) t).sqlState());
  }

  @Test
  void twoPhaseCommitThroughSql() {
    exec(a, "BEGIN");
    exec(a, "INSERT INTO acc VALUES (10, 1)");
    assertEquals("PREPARE TRANSACTION", exec(a, "PREPARE TRANSACTION 'g1'").commandTag());
    assertEquals(io.snapsync.core.session.TransactionStatus.IDLE, a.transactionStatus());
    StatementResult r = exec(b, "SELECT gid, owner, database FROM pg_prepared_xacts");
    assertEquals(List.of(List.of("g1", "alice", "snapsync")), r.rows());
    assertEquals(0L, value(b, "SELECT count(*) FROM acc WHERE id = 10"));
    exec(b, "BEGIN");
    exec(b, "INSERT INTO acc VALUES (11, 1)");
    var x = fails(b, "PREPARE TRANSACTION 'g1'", "42710");
    assertEquals("transaction identifier \"g1\" is already in use", x.getMessage());
    assertEquals(io.snapsync.core.session.TransactionStatus.IDLE, b.transactionStatus());
    fails(b, "BEGIN; COMMIT PREPARED 'g1'", "25001");
    exec(b, "ROLLBACK");
    assertEquals("COMMIT PREPARED", exec(b, "COMMIT PREPARED 'g1'").commandTag());
    assertEquals(1L, value(b, "SELECT count(*) FROM acc WHERE id = 10"));
    x = fails(b, "COMMIT PREPARED 'g1'", "42704");
    assertEquals("prepared transaction with identifier \"g1\" does not exist", x.getMessage());
    exec(a, "BEGIN; DELETE FROM acc WHERE id = 10; PREPARE TRANSACTION 'g2'");
    Session admin = e.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
    assertEquals("ROLLBACK PREPARED", exec(admin, "ROLLBACK PREPARED 'g2'").commandTag());
    assertEquals(1L, value(b, "SELECT count(*) FROM acc WHERE id = 10"));
    fails(b, "ROLLBACK PREPARED 'g2'", "42704");
    await(admin.close());
    StatementResult w = exec(b, "PREPARE TRANSACTION 'g3'");
    assertEquals("25P01", w.notices().get(0).sqlState());
  }

  @Test
  void setTransactionIsolationAfterAQueryFails() {
    exec(a, "BEGIN");
    value(a, "SELECT 1");
    fails(a, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", "25001");
    exec(a, "ROLLBACK");
    assertFalse(e.db.snapshots().size() > 0);
  }
}
