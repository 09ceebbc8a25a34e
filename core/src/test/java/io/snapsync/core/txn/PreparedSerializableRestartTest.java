package io.snapsync.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.eventbus.SnapsyncClient.ApiException;
import io.snapsync.core.eventbus.SnapsyncClient.ClientSession;
import io.snapsync.core.node.Node;
import io.snapsync.core.testing.TestNodes;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared SERIALIZABLE transaction keeps its read tracking across a restart of the node
 * (real RocksDB data directory, the node stopped and started again in-process): its predicate
 * reads and writes are in the prepared record, so the write skew it starts is still refused
 * after the restart, as PostgreSQL refuses it from the SIREAD locks of its 2PC state file
 * (where a recovered prepared transaction is assumed to have conflicts in and out).
 */
class PreparedSerializableRestartTest {

  @TempDir
  Path dir;

  private static ClientSession admin(Node node) {
    return TestNodes.client(node).open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null)
        .await();
  }

  /** Prepares alice going off call after both doctors were seen on call, then restarts. */
  private void prepareHalfOfTheSkew(String level, Consumer<Node> afterRestart) {
    Node node = TestNodes.start(dir);
    try {
      ClientSession s = admin(node);
      s.execute("CREATE TABLE doctors (name text PRIMARY KEY, oncall boolean)").await();
      s.execute("INSERT INTO doctors VALUES ('alice', true), ('bob', true)").await();
      s.execute("BEGIN ISOLATION LEVEL " + level).await();
      assertEquals(2L, count(s));
      s.execute("UPDATE doctors SET oncall = false WHERE name = 'alice'").await();
      s.execute("PREPARE TRANSACTION 'skew'").await();
    } finally {
      node.close().await();
    }
    Node again = TestNodes.start(dir);
    try {
      afterRestart.accept(again);
    } finally {
      again.close().await();
    }
  }

  private static long count(ClientSession s) {
    return s.rows("SELECT count(*) FROM doctors WHERE oncall").await().getJsonArray(0)
        .getLong(0);
  }

  private static ApiException fails(ClientSession s, String sql) {
    return assertInstanceOf(ApiException.class,
        assertThrows(Exception.class, () -> s.execute(sql).await()));
  }

  @Test
  void aSerializableReaderOfThePreparedWritesFailsAfterTheRestart() {
    prepareHalfOfTheSkew("SERIALIZABLE", node -> {
      ClientSession b = admin(node);
      b.execute("BEGIN ISOLATION LEVEL SERIALIZABLE").await();
      ApiException x = fails(b, "SELECT count(*) FROM doctors WHERE oncall");
      assertEquals("40001", x.sqlState());
      assertEquals("could not serialize access due to read/write dependencies among"
          + " transactions", x.json().getString("message"));
      assertEquals("Reason code: Canceled on conflict out to old pivot.",
          x.json().getString("detail"));
      b.execute("ROLLBACK").await();
      b.execute("COMMIT PREPARED 'skew'").await();
      assertEquals(1L, count(b));
    });
  }

  @Test
  void aSerializableWriterThatDidNotReadThePreparedWritesCommitsAfterTheRestart() {
    prepareHalfOfTheSkew("SERIALIZABLE", node -> {
      ClientSession b = admin(node);
      b.execute("BEGIN ISOLATION LEVEL SERIALIZABLE").await();
      assertEquals(true, b.rows("SELECT oncall FROM doctors WHERE name = 'bob'").await()
          .getJsonArray(0).getBoolean(0));
      b.execute("UPDATE doctors SET oncall = false WHERE name = 'bob'").await();
      b.execute("COMMIT").await();
      b.execute("COMMIT PREPARED 'skew'").await();
      assertEquals(0L, count(b));
    });
  }

  @Test
  void aReaderWhoseSnapshotPrecedesCommitPreparedFailsOnTheCommittedWrites() {
    prepareHalfOfTheSkew("SERIALIZABLE", node -> {
      ClientSession b = admin(node);
      ClientSession c = admin(node);
      b.execute("BEGIN ISOLATION LEVEL SERIALIZABLE").await();
      assertEquals(true, b.rows("SELECT oncall FROM doctors WHERE name = 'bob'").await()
          .getJsonArray(0).getBoolean(0));
      c.execute("COMMIT PREPARED 'skew'").await();
      ApiException x = fails(b, "SELECT oncall FROM doctors WHERE name = 'alice'");
      assertEquals("40001", x.sqlState());
      b.execute("ROLLBACK").await();
    });
  }

  @Test
  void underRepeatableReadTheWriteSkewStillCommitsAfterTheRestart() {
    prepareHalfOfTheSkew("REPEATABLE READ", node -> {
      ClientSession b = admin(node);
      b.execute("BEGIN ISOLATION LEVEL SERIALIZABLE").await();
      assertEquals(2L, count(b));
      b.execute("UPDATE doctors SET oncall = false WHERE name = 'bob'").await();
      b.execute("COMMIT").await();
      b.execute("COMMIT PREPARED 'skew'").await();
      assertEquals(0L, count(b));
    });
  }
}
