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
 * A unique index under concurrency, as PostgreSQL: a second writer of the same key waits for
 * the first's outcome, then fails with 23505 (commit) or proceeds (rollback).
 */
class UniqueIndexWaitTest extends TwoSessionsFixture {

  @BeforeEach
  void table() {
    exec(a, "DROP TABLE IF EXISTS u; CREATE TABLE u (id int PRIMARY KEY, email text)");
    exec(a, "CREATE UNIQUE INDEX u_email_key ON u (email)");
    exec(a, "INSERT INTO u VALUES (1, 'old')");
  }

  @Test
  void secondInserterWaitsThenFailsWhenTheFirstCommits() {
    exec(a, "BEGIN; INSERT INTO u VALUES (2, 'x')");
    Future<List<StatementResult>> second = b.execute("INSERT INTO u VALUES (3, 'x')");
    awaitLockWaiter(second);
    exec(a, "COMMIT");
    SnapsyncException e = assertThrows(SnapsyncException.class, () -> await(second));
    assertEquals("23505", e.sqlState());
    assertEquals("duplicate key value violates unique constraint \"u_email_key\"",
        e.getMessage());
  }

  @Test
  void secondInserterProceedsWhenTheFirstRollsBack() {
    exec(a, "BEGIN; INSERT INTO u VALUES (2, 'x')");
    Future<List<StatementResult>> second = b.execute("INSERT INTO u VALUES (3, 'x')");
    awaitLockWaiter(second);
    exec(a, "ROLLBACK");
    await(second);
    assertEquals(3, ((Number) value(a, "SELECT id FROM u WHERE email = 'x'")).intValue());
  }

  @Test
  void inserterWaitsForADeleterOfTheSameKey() {
    exec(a, "BEGIN; DELETE FROM u WHERE id = 1");
    Future<List<StatementResult>> second = b.execute("INSERT INTO u VALUES (3, 'old')");
    awaitLockWaiter(second);
    exec(a, "COMMIT");
    await(second);
    assertEquals(3, ((Number) value(a, "SELECT id FROM u WHERE email = 'old'")).intValue());
  }

  @Test
  void repeatableReadSeesCommittedDuplicatesItsSnapshotMisses() {
    exec(b, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM u");
    exec(a, "INSERT INTO u VALUES (2, 'x')");
    SnapsyncException e = io.snapsync.core.sql.EngineFixture.fails(b,
        "INSERT INTO u VALUES (3, 'x')", "23505");
    assertEquals("Key (email)=(x) already exists.", TwoSessionsFixture.e.render(e.detail()));
    exec(b, "ROLLBACK");
  }
}
