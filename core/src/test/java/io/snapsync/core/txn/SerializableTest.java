package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Serializable snapshot isolation: the classic anomalies of snapshot isolation (write skew,
 * the read-only transaction anomaly, PostgreSQL's batch-processing example) are refused under
 * SERIALIZABLE with PostgreSQL's 40001 and allowed under REPEATABLE READ; read-only and
 * deferrable transactions follow PostgreSQL's optimisations.
 */
class SerializableTest extends TwoSessionsFixture {

  private static final String SSI_MESSAGE =
      "could not serialize access due to read/write dependencies among transactions";

  private void doctors() {
    exec(a, "DROP TABLE IF EXISTS doctors; CREATE TABLE doctors (name text PRIMARY KEY,"
        + " oncall boolean)");
    exec(a, "INSERT INTO doctors VALUES ('alice', true), ('bob', true)");
  }

  private void writeSkew(String level) {
    doctors();
    exec(a, "BEGIN ISOLATION LEVEL " + level);
    exec(b, "BEGIN ISOLATION LEVEL " + level);
    assertEquals(2L, value(a, "SELECT count(*) FROM doctors WHERE oncall"));
    assertEquals(2L, value(b, "SELECT count(*) FROM doctors WHERE oncall"));
    exec(a, "UPDATE doctors SET oncall = false WHERE name = 'alice'");
    exec(b, "UPDATE doctors SET oncall = false WHERE name = 'bob'");
    exec(a, "COMMIT");
  }

  @Test
  void writeSkewIsRefusedUnderSerializable() {
    writeSkew("SERIALIZABLE");
    SnapsyncException x = fails(b, "COMMIT", "40001");
    assertEquals(SSI_MESSAGE, e.render(x.message()));
    assertEquals("Reason code: Canceled on identification as a pivot, during commit attempt.",
        e.render(x.detail()));
    assertEquals("The transaction might succeed if retried.", e.render(x.hint()));
    assertEquals(1L, value(a, "SELECT count(*) FROM doctors WHERE oncall"));
  }

  @Test
  void writeSkewIsAllowedUnderRepeatableRead() {
    writeSkew("REPEATABLE READ");
    exec(b, "COMMIT");
    assertEquals(0L, value(a, "SELECT count(*) FROM doctors WHERE oncall"));
  }

  @Test
  void disjointSerializableTransactionsBothCommit() {
    doctors();
    exec(a, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    exec(b, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    assertEquals(true, value(a, "SELECT oncall FROM doctors WHERE name = 'alice'"));
    assertEquals(true, value(b, "SELECT oncall FROM doctors WHERE name = 'bob'"));
    exec(a, "UPDATE doctors SET oncall = false WHERE name = 'alice'");
    exec(b, "UPDATE doctors SET oncall = false WHERE name = 'bob'");
    exec(a, "COMMIT");
    exec(b, "COMMIT");
    assertEquals(0L, value(a, "SELECT count(*) FROM doctors WHERE oncall"));
  }

  /** Fekete, O'Neil and O'Neil (2004); PostgreSQL's isolation test read-only-anomaly-2. */
  private SnapsyncException readOnlyAnomaly(String level, Session c) {
    exec(a, "DROP TABLE IF EXISTS bank; CREATE TABLE bank (id text PRIMARY KEY, balance int)");
    exec(a, "INSERT INTO bank VALUES ('X', 0), ('Y', 0)");
    exec(b, "BEGIN ISOLATION LEVEL " + level);
    assertEquals(0, value(b, "SELECT balance FROM bank WHERE id = 'X'"));
    assertEquals(0, value(b, "SELECT balance FROM bank WHERE id = 'Y'"));
    exec(a, "BEGIN ISOLATION LEVEL " + level);
    assertEquals(0, value(a, "SELECT balance FROM bank WHERE id = 'Y'"));
    exec(a, "UPDATE bank SET balance = 20 WHERE id = 'Y'");
    exec(a, "COMMIT");
    exec(c, "BEGIN ISOLATION LEVEL " + level + " READ ONLY");
    StatementResult r = exec(c, "SELECT id, balance FROM bank WHERE id IN ('X', 'Y') ORDER BY id");
    assertEquals(List.of(List.of("X", 0), List.of("Y", 20)), r.rows());
    exec(c, "COMMIT");
    try {
      exec(b, "UPDATE bank SET balance = -11 WHERE id = 'X'");
      exec(b, "COMMIT");
      return null;
    } catch (SnapsyncException x) {
      exec(b, "ROLLBACK");
      return x;
    }
  }

  @Test
  void readOnlyAnomalyIsRefusedUnderSerializable() {
    Session c = e.session();
    try {
      SnapsyncException x = readOnlyAnomaly("SERIALIZABLE", c);
      assertTrue(x != null, "the withdrawal must fail");
      assertEquals("40001", x.sqlState());
      assertEquals("Reason code: Canceled on identification as a pivot, during write.",
          e.render(x.detail()));
      assertEquals(0, value(a, "SELECT balance FROM bank WHERE id = 'X'"));
    } finally {
      await(c.close());
    }
  }

  @Test
  void readOnlyAnomalyIsAllowedUnderRepeatableRead() {
    Session c = e.session();
    try {
      assertEquals(null, readOnlyAnomaly("REPEATABLE READ", c));
      assertEquals(-11, value(a, "SELECT balance FROM bank WHERE id = 'X'"));
    } finally {
      await(c.close());
    }
  }

  /** The deposit report of PostgreSQL's SSI documentation (wiki "SSI", batch processing). */
  private SnapsyncException batch(String level, Session c) {
    exec(a, "DROP TABLE IF EXISTS control; DROP TABLE IF EXISTS receipt;"
        + " CREATE TABLE control (id int PRIMARY KEY, deposit_no int);"
        + " CREATE TABLE receipt (receipt_no int PRIMARY KEY, deposit_no int, payee text,"
        + " amount int)");
    exec(a, "INSERT INTO control VALUES (1, 1)");
    exec(a, "INSERT INTO receipt VALUES (1, 1, 'Crosby', 100), (2, 1, 'Stills', 200),"
        + " (3, 1, 'Nash', 300)");
    exec(a, "BEGIN ISOLATION LEVEL " + level);
    assertEquals(1, value(a, "SELECT deposit_no FROM control"));
    exec(b, "BEGIN ISOLATION LEVEL " + level);
    exec(b, "UPDATE control SET deposit_no = 2");
    exec(b, "COMMIT");
    exec(c, "BEGIN ISOLATION LEVEL " + level + " READ ONLY");
    assertEquals(2, value(c, "SELECT deposit_no FROM control"));
    assertEquals(3L, value(c, "SELECT count(*) FROM receipt WHERE deposit_no = 1"));
    try {
      exec(a, "INSERT INTO receipt VALUES (4, 1, 'Young', 100)");
      exec(a, "COMMIT");
      return null;
    } catch (SnapsyncException x) {
      exec(a, "ROLLBACK");
      return x;
    } finally {
      exec(c, "COMMIT");
    }
  }

  @Test
  void batchReportAnomalyIsRefusedUnderSerializable() {
    Session c = e.session();
    try {
      SnapsyncException x = batch("SERIALIZABLE", c);
      assertTrue(x != null, "the late receipt must fail");
      assertEquals("40001", x.sqlState());
      assertEquals(3L, value(a, "SELECT count(*) FROM receipt WHERE deposit_no = 1"));
    } finally {
      await(c.close());
    }
  }

  @Test
  void batchReportAnomalyIsAllowedUnderRepeatableRead() {
    Session c = e.session();
    try {
      assertEquals(null, batch("REPEATABLE READ", c));
      assertEquals(4L, value(a, "SELECT count(*) FROM receipt WHERE deposit_no = 1"));
    } finally {
      await(c.close());
    }
  }

  @Test
  void readOnlyWithoutConcurrentWritersIsSafeAndTracksNothing() {
    doctors();
    SerializableTracker t = e.db.snapshots().serializable();
    exec(a, "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY");
    assertEquals(2L, value(a, "SELECT count(*) FROM doctors WHERE oncall"));
    assertEquals(0, t.stats().active());
    exec(b, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    assertEquals(2L, value(b, "SELECT count(*) FROM doctors WHERE oncall"));
    exec(b, "UPDATE doctors SET oncall = false WHERE name = 'alice'");
    exec(b, "COMMIT");
    exec(a, "COMMIT");
  }

  @Test
  void deferrableWaitsForASafeSnapshot() {
    doctors();
    SerializableTracker t = e.db.snapshots().serializable();
    exec(a, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    exec(a, "UPDATE doctors SET oncall = false WHERE name = 'alice'");
    exec(b, "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE");
    Future<List<StatementResult>> report = b.execute("SELECT count(*) FROM doctors WHERE oncall");
    awaitDeferrableWaiter(t, report);
    exec(a, "COMMIT");
    assertEquals(2L, await(report).get(0).rows().get(0).get(0), "the first snapshot was safe");
    exec(b, "COMMIT");
  }

  @Test
  void deferrableTakesANewSnapshotAfterAnUnsafeOne() {
    exec(a, "DROP TABLE IF EXISTS bank; CREATE TABLE bank (id text PRIMARY KEY, balance int)");
    exec(a, "INSERT INTO bank VALUES ('X', 0), ('Y', 0)");
    Session c = e.session();
    try {
      SerializableTracker t = e.db.snapshots().serializable();
      exec(b, "BEGIN ISOLATION LEVEL SERIALIZABLE");
      value(b, "SELECT balance FROM bank WHERE id = 'X'");
      value(b, "SELECT balance FROM bank WHERE id = 'Y'");
      exec(a, "BEGIN ISOLATION LEVEL SERIALIZABLE");
      value(a, "SELECT balance FROM bank WHERE id = 'Y'");
      exec(a, "UPDATE bank SET balance = 20 WHERE id = 'Y'");
      exec(a, "COMMIT");
      exec(c, "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE");
      Future<List<StatementResult>> report =
          c.execute("SELECT id, balance FROM bank ORDER BY id");
      awaitDeferrableWaiter(t, report);
      exec(b, "UPDATE bank SET balance = -11 WHERE id = 'X'");
      exec(b, "COMMIT");
      assertEquals(List.of(List.of("X", -11), List.of("Y", 20)), await(report).get(0).rows());
      exec(c, "COMMIT");
    } finally {
      await(c.close());
    }
  }

  @Test
  void aWaitForASafeSnapshotCanBeCancelled() {
    doctors();
    SerializableTracker t = e.db.snapshots().serializable();
    exec(a, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    exec(a, "UPDATE doctors SET oncall = false WHERE name = 'alice'");
    exec(b, "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE");
    Future<List<StatementResult>> report = b.execute("SELECT count(*) FROM doctors");
    awaitDeferrableWaiter(t, report);
    b.cancel();
    SnapsyncException x = org.junit.jupiter.api.Assertions.assertThrows(SnapsyncException.class,
        () -> await(report));
    assertEquals("57014", x.sqlState());
    exec(b, "ROLLBACK");
    exec(a, "COMMIT");
    assertEquals(0, t.stats().deferrableWaiters());
  }

  @Test
  void trackingIsReleasedWhenTransactionsEnd() {
    writeSkew("SERIALIZABLE");
    fails(b, "COMMIT", "40001");
    SerializableTracker.Stats s = e.db.snapshots().serializable().stats();
    assertEquals(0, s.active());
    assertEquals(0, s.committedKept());
    assertFalse(s.summary());
  }

  private static void awaitDeferrableWaiter(SerializableTracker t, Future<?> running) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (t.stats().deferrableWaiters() == 0) {
      if (running.isComplete()) {
        throw new AssertionError("the statement did not wait for a safe snapshot: " + running);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no transaction waited for a safe snapshot within 30 s");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
