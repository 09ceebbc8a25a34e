package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.StatementResult;
import org.junit.jupiter.api.Test;

/**
 * The snapshot rules where snapsync differed from PostgreSQL 15 (issue 16); the same steps run
 * against a real PostgreSQL in the pgwire module's {@code snapshot_rules.sql} scenario.
 */
class SnapshotRuleDifferencesTest extends TwoSessionsFixture {

  @Test
  void setTransactionSnapshotOutsideABlockInReadCommittedFailsTheImportCheck() {
    SnapsyncException x = fails(a, "SET TRANSACTION SNAPSHOT '0000000000000001-1'", "0A000");
    assertEquals("25P01", x.notices().get(0).sqlState());
    assertEquals("a snapshot-importing transaction must have isolation level SERIALIZABLE or"
        + " REPEATABLE READ", e.render(x.message()));
  }

  @Test
  void setTransactionSnapshotOutsideABlockInRepeatableReadWarnsAfterTheChecks() {
    exec(b, "SET default_transaction_isolation = 'repeatable read'");
    fails(b, "SET TRANSACTION SNAPSHOT '0000000000000001-1'", "42704");
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    String id = (String) value(a, "SELECT pg_export_snapshot()");
    StatementResult r = exec(b, "SET TRANSACTION SNAPSHOT '" + id + "'");
    assertEquals("SET", r.commandTag());
    assertEquals("25P01", r.notices().get(0).sqlState());
    exec(b, "UPDATE acc SET bal = 1 WHERE id = 1");
    assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 1"), "the import did not last");
    exec(a, "COMMIT");
  }

  @Test
  void repeatableReadDeleteOfAConcurrentlyDeletedRowSaysConcurrentDelete() {
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 1"));
    exec(b, "DELETE FROM acc WHERE id = 1");
    SnapsyncException x = fails(a, "DELETE FROM acc WHERE id = 1", "40001");
    assertEquals("could not serialize access due to concurrent delete", e.render(x.message()));
    exec(a, "ROLLBACK");
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(100, value(a, "SELECT bal FROM acc WHERE id = 2"));
    exec(b, "UPDATE acc SET bal = 5 WHERE id = 2");
    x = fails(a, "DELETE FROM acc WHERE id = 2", "40001");
    assertEquals("could not serialize access due to concurrent update", e.render(x.message()));
    exec(a, "ROLLBACK");
  }

  @Test
  void startTransactionAnswersItsOwnTag() {
    assertEquals("START TRANSACTION", exec(a, "START TRANSACTION").commandTag());
    exec(a, "COMMIT");
    assertEquals("BEGIN", exec(a, "BEGIN").commandTag());
    exec(a, "COMMIT");
  }

  @Test
  void transactionReadOnlyOutsideABlockIsOff() {
    assertEquals("off", value(a, "SHOW transaction_read_only"));
    exec(a, "BEGIN READ ONLY");
    assertEquals("on", value(a, "SHOW transaction_read_only"));
    exec(a, "COMMIT");
    assertEquals("off", value(a, "SHOW transaction_read_only"));
  }
}
