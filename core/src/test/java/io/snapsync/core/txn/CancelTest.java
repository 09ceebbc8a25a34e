package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.TransactionStatus;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Session.cancel(): a statement waiting for a row lock fails 57014 at once. */
class CancelTest extends TwoSessionsFixture {


  /**
   * Cancels {@code s} from a Vert.x timer thread every few milliseconds (cancel has no effect
   * while nothing runs) until {@code running} completes; bounded to about ten seconds.
   */
  private static void cancelUntilDone(Session s, Future<?> running) {
    AtomicInteger ticks = new AtomicInteger();
    e.vertx.setPeriodic(5, id -> {
      if (running.isComplete() || ticks.incrementAndGet() > 2000) {
        e.vertx.cancelTimer(id);
        return;
      }
      s.cancel();
    });
  }

  @Test
  void aRowLockWaitInABlockIsCancelledAndTheBlockFails() {
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = 1 WHERE id = 1");
    exec(a, "BEGIN");
    exec(a, "UPDATE acc SET bal = 5 WHERE id = 2");
    Future<List<StatementResult>> blocked = a.execute("UPDATE acc SET bal = 2 WHERE id = 1");
    cancelUntilDone(a, blocked);
    // b still holds the row lock: only the cancel can end the wait
    SnapsyncException x = assertThrows(SnapsyncException.class, () -> await(blocked));
    assertEquals("57014", x.sqlState());
    assertEquals("canceling statement due to user request", x.getMessage());
    assertEquals(TransactionStatus.FAILED, a.transactionStatus());
    fails(a, "SELECT 1", "25P02");
    exec(a, "ROLLBACK");
    assertEquals(TransactionStatus.IDLE, a.transactionStatus());
    exec(b, "COMMIT");
    // a's work before the cancel was rolled back; the session is usable and takes the lock now
    assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 2"));
    assertEquals("UPDATE 1", exec(a, "UPDATE acc SET bal = 3 WHERE id = 1").commandTag());
    assertEquals(3, value(b, "SELECT bal FROM acc WHERE id = 1"));
  }

  @Test
  void anAutocommitStatementIsCancelledAndTheSessionStaysIdle() {
    exec(b, "BEGIN");
    exec(b, "DELETE FROM acc WHERE id = 1");
    Future<List<StatementResult>> blocked = a.execute("DELETE FROM acc WHERE id = 1");
    cancelUntilDone(a, blocked);
    SnapsyncException x = assertThrows(SnapsyncException.class, () -> await(blocked));
    assertEquals("57014", x.sqlState());
    assertEquals(TransactionStatus.IDLE, a.transactionStatus());
    exec(b, "ROLLBACK");
    assertEquals(2L, value(a, "SELECT count(*) FROM acc"));
  }

  @Test
  void cancelWhenIdleHasNoEffect() {
    a.cancel();
    a.cancel();
    assertEquals(2L, value(a, "SELECT count(*) FROM acc"));
    assertFalse(a.transactionStatus() == TransactionStatus.FAILED);
  }

  @Test
  void statementTimeoutStopsALongScanBetweenRows() {
    exec(a, "DROP TABLE IF EXISTS big; CREATE TABLE big (id int PRIMARY KEY, v int)");
    for (int chunk = 0; chunk < 20; chunk++) {
      StringBuilder sql = new StringBuilder("INSERT INTO big VALUES ");
      for (int i = 0; i < 2000; i++) {
        int id = chunk * 2000 + i;
        sql.append(i == 0 ? "" : ", ").append('(').append(id).append(", ").append(id)
            .append(')');
      }
      exec(a, sql.toString());
    }
    assertEquals(40000L, value(a, "SELECT count(*) FROM big"));
    exec(a, "BEGIN");
    exec(a, "SET statement_timeout = 1");
    // a 40,000-row scan outlasts a 1 ms timer: it stops between rows
    var x = fails(a, "SELECT count(*) FROM big WHERE v >= 0", "57014");
    assertEquals("canceling statement due to statement timeout", x.getMessage());
    assertEquals(TransactionStatus.FAILED, a.transactionStatus());
    exec(a, "ROLLBACK; RESET statement_timeout");
    assertEquals(40000L, value(a, "SELECT count(*) FROM big"));
    exec(a, "DROP TABLE big");
  }

  @Test
  void statementTimeoutStillBoundsALockWait() {
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = 1 WHERE id = 1");
    exec(a, "SET statement_timeout = 40");
    var x = fails(a, "UPDATE acc SET bal = 2 WHERE id = 1", "57014");
    assertEquals("canceling statement due to statement timeout", x.getMessage());
    exec(a, "RESET statement_timeout");
    exec(b, "ROLLBACK");
    assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 1"));
  }
}
