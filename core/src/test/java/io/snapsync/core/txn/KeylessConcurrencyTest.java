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
 * Two sessions on a table without a primary key ({@code kl (id int, bal int)}, rows keyed by
 * hidden row ids): the same row locks, READ COMMITTED re-check and REPEATABLE READ 40001 as
 * keyed tables, and concurrent inserters never share a row id.
 */
class KeylessConcurrencyTest extends TwoSessionsFixture {

  @BeforeEach
  void keyless() {
    exec(a, "DROP TABLE IF EXISTS kl; CREATE TABLE kl (id int, bal int)");
    exec(a, "INSERT INTO kl VALUES (1, 100), (2, 100)");
  }

  @Test
  void readCommittedIncrementWaitsAndIsNotLost() {
    exec(b, "BEGIN");
    exec(b, "UPDATE kl SET bal = bal + 10 WHERE id = 1");
    Future<List<StatementResult>> blocked = a.execute("UPDATE kl SET bal = bal + 1 WHERE id = 1");
    exec(b, "COMMIT");
    assertEquals("UPDATE 1", await(blocked).get(0).commandTag());
    assertEquals(111, value(a, "SELECT bal FROM kl WHERE id = 1"));
    assertEquals(2L, value(a, "SELECT count(*) FROM kl"));
  }

  @Test
  void readCommittedRecheckDropsARowThatNoLongerMatches() {
    exec(b, "BEGIN");
    exec(b, "UPDATE kl SET bal = 0 WHERE id = 1");
    Future<List<StatementResult>> blocked = a.execute("DELETE FROM kl WHERE bal >= 100");
    exec(b, "COMMIT");
    assertEquals("DELETE 1", await(blocked).get(0).commandTag());
    assertEquals(List.of(List.of(1, 0)), exec(a, "SELECT * FROM kl").rows());
  }

  @Test
  void readCommittedDeleteOfADeletedRowDeletesNothing() {
    exec(b, "BEGIN");
    exec(b, "DELETE FROM kl WHERE id = 2");
    Future<List<StatementResult>> blocked = a.execute("UPDATE kl SET bal = 1 WHERE id = 2");
    exec(b, "COMMIT");
    assertEquals("UPDATE 0", await(blocked).get(0).commandTag());
    assertEquals(List.of(List.of(1, 100)), exec(a, "SELECT * FROM kl").rows());
  }

  @Test
  void repeatableReadFails40001OnARowChangedSinceItsSnapshot() {
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(100, value(a, "SELECT bal FROM kl WHERE id = 1"));
    exec(b, "UPDATE kl SET bal = bal + 10 WHERE id = 1");
    SnapsyncException x = assertThrows(SnapsyncException.class,
        () -> exec(a, "DELETE FROM kl WHERE id = 1"));
    assertEquals("40001", x.sqlState());
    exec(a, "ROLLBACK");
    assertEquals(110, value(a, "SELECT bal FROM kl WHERE id = 1"));
  }

  @Test
  void concurrentInsertersKeepEveryRow() {
    exec(a, "BEGIN");
    exec(b, "BEGIN");
    exec(a, "INSERT INTO kl VALUES (3, 1), (3, 1), (3, 1)");
    exec(b, "INSERT INTO kl VALUES (3, 1), (3, 1)");
    // both run at once, each before either commits, so each reads only its own rows and the
    // committed two (a COMMIT in the same call let the other statement see it: a race)
    Future<List<StatementResult>> ca = a.execute("INSERT INTO kl SELECT id, bal FROM kl");
    Future<List<StatementResult>> cb = b.execute("INSERT INTO kl SELECT id, bal FROM kl");
    assertEquals("INSERT 0 5", await(ca).get(0).commandTag());
    assertEquals("INSERT 0 4", await(cb).get(0).commandTag());
    Future<List<StatementResult>> commitA = a.execute("COMMIT");
    Future<List<StatementResult>> commitB = b.execute("COMMIT");
    assertEquals("COMMIT", await(commitA).get(0).commandTag());
    assertEquals("COMMIT", await(commitB).get(0).commandTag());
    assertEquals(2L + 3 + 2 + 5 + 4, value(a, "SELECT count(*) FROM kl"));
  }
}
