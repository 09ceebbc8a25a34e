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
import org.junit.jupiter.api.Test;

/** Concurrency semantics of engine DML with expressions: two sessions on one engine. */
class DmlConcurrencyTest extends TwoSessionsFixture {

  @Test
  void readCommittedIncrementIsNotLostBehindAConcurrentUpdate() {
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = bal + 10 WHERE id = 1");
    Future<List<StatementResult>> blocked = a.execute("UPDATE acc SET bal = bal + 1 WHERE id = 1");
    exec(b, "COMMIT");
    assertEquals("UPDATE 1", await(blocked).get(0).commandTag());
    assertEquals(111, value(a, "SELECT bal FROM acc WHERE id = 1"));
  }

  @Test
  void readCommittedReevaluatesAnExpressionWhereOnTheNewestVersion() {
    exec(b, "BEGIN");
    exec(b, "UPDATE acc SET bal = bal - 100 WHERE id = 1");
    Future<List<StatementResult>> blocked =
        a.execute("DELETE FROM acc WHERE bal * 2 >= 200 AND id IN (SELECT id FROM acc)");
    exec(b, "COMMIT");
    assertEquals("DELETE 1", await(blocked).get(0).commandTag());
    assertEquals(List.of(List.of(1, 0)), exec(a, "SELECT * FROM acc ORDER BY id").rows());
  }

  @Test
  void repeatableReadFails40001OnARowChangedSinceItsSnapshot() {
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 1"));
    exec(b, "UPDATE acc SET bal = bal + 10 WHERE id = 1");
    SnapsyncException x = assertThrows(SnapsyncException.class,
        () -> exec(a, "UPDATE acc SET bal = bal + 1 WHERE id = 1"));
    assertEquals("40001", x.sqlState());
    assertEquals("could not serialize access due to concurrent update", x.getMessage());
    exec(a, "ROLLBACK");
    assertEquals(110, value(a, "SELECT bal FROM acc WHERE id = 1"));
  }

  @Test
  void repeatableReadInsertSelectSeesItsSnapshotOnly() {
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(2L, value(a, "SELECT count(*) FROM acc"));
    exec(b, "INSERT INTO acc VALUES (3, 5)");
    assertEquals("INSERT 0 2", exec(a, "INSERT INTO acc SELECT id + 10, bal FROM acc")
        .commandTag());
    exec(a, "COMMIT");
    assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(11), List.of(12)),
        exec(a, "SELECT id FROM acc ORDER BY id").rows());
  }

  @Test
  void onConflictWaitsForTheConcurrentInsertThenUpdatesItsRow() {
    exec(b, "BEGIN");
    exec(b, "INSERT INTO acc VALUES (5, 1)");
    Future<List<StatementResult>> blocked = a.execute(
        "INSERT INTO acc VALUES (5, 2) ON CONFLICT (id) DO UPDATE SET bal = acc.bal + excluded.bal");
    exec(b, "COMMIT");
    assertEquals("INSERT 0 1", await(blocked).get(0).commandTag());
    assertEquals(3, value(a, "SELECT bal FROM acc WHERE id = 5"));
    assertEquals("INSERT 0 0",
        exec(a, "INSERT INTO acc VALUES (5, 9) ON CONFLICT DO NOTHING").commandTag());
  }

  @Test
  void repeatableReadOnConflictWithAnInvisibleRowFails40001() {
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(2L, value(a, "SELECT count(*) FROM acc"));
    exec(b, "INSERT INTO acc VALUES (6, 1)");
    SnapsyncException x = assertThrows(SnapsyncException.class,
        () -> exec(a, "INSERT INTO acc VALUES (6, 2) ON CONFLICT DO NOTHING"));
    assertEquals("40001", x.sqlState());
    exec(a, "ROLLBACK");
  }
}
