package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UPDATE ... FROM and DELETE ... USING under concurrency: READ COMMITTED re-checks the join on
 * the newest version of a row changed while the statement waited for its lock; REPEATABLE
 * READ fails with 40001.
 */
class DmlJoinConcurrencyTest extends TwoSessionsFixture {

  @BeforeEach
  void deltas() {
    exec(a, "DROP TABLE IF EXISTS delta; CREATE TABLE delta (acc_id int PRIMARY KEY, d int)");
    exec(a, "INSERT INTO delta VALUES (1, 5), (2, 7)");
  }

  @Test
  void readCommittedUpdateFromRechecksTheNewestVersion() {
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = bal + 10 WHERE id = 1");
    Future<List<StatementResult>> blocked = a.execute(
        "UPDATE acc SET bal = acc.bal + delta.d FROM delta WHERE delta.acc_id = acc.id");
    awaitLockWaiter(blocked);
    exec(b, "COMMIT");
    assertEquals("UPDATE 2", await(blocked).get(0).commandTag());
    assertEquals(List.of(List.of(1, 115), List.of(2, 107)),
        exec(a, "SELECT * FROM acc ORDER BY id").rows());
  }

  @Test
  void readCommittedDeleteUsingSkipsARowThatNoLongerJoins() {
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = 0 WHERE id = 1");
    Future<List<StatementResult>> blocked = a.execute(
        "DELETE FROM acc USING delta WHERE delta.acc_id = acc.id AND acc.bal > delta.d");
    awaitLockWaiter(blocked);
    exec(b, "COMMIT");
    assertEquals("DELETE 1", await(blocked).get(0).commandTag());
    assertEquals(List.of(List.of(1, 0)), exec(a, "SELECT * FROM acc ORDER BY id").rows());
  }

  @Test
  void repeatableReadUpdateFromFails40001OnARowChangedSinceItsSnapshot() {
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 1"));
    exec(b, "UPDATE acc SET bal = bal + 10 WHERE id = 1");
    SnapsyncException x = assertThrows(SnapsyncException.class, () -> exec(a,
        "UPDATE acc SET bal = acc.bal + delta.d FROM delta WHERE delta.acc_id = acc.id"));
    assertEquals("40001", x.sqlState());
    exec(a, "ROLLBACK");
    assertEquals(110, value(a, "SELECT bal FROM acc WHERE id = 1"));
  }
}
