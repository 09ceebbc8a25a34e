package io.snapsync.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.node.Node;
import io.snapsync.core.session.Session;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Role split: a data node (dn1, the database) and two coordinators without storage (cn1, cn2)
 * whose sessions run in backend sessions on dn1 over the event bus. Losing the data node
 * gives 08006; nothing committed is lost and the sessions resume once it is back.
 */
class CoordinatorSessionsTest {

  @TempDir
  static Path dir;
  static NodeConfig dnConfig;
  static Node dn1;
  static Node cn1;
  static Node cn2;

  @BeforeAll
  static void start() {
    String cluster = TestNodes.clusterName();
    List<Integer> ports = List.of(TestNodes.freePort(), TestNodes.freePort(),
        TestNodes.freePort());
    dnConfig = TestNodes.clusterConfig(dir, "dn1", "datanode", cluster, ports.get(0), ports);
    dn1 = Node.start(dnConfig).await();
    cn1 = Node.start(TestNodes.clusterConfig(dir, "cn1", "coordinator", cluster, ports.get(1),
        ports)).await();
    cn2 = Node.start(TestNodes.clusterConfig(dir, "cn2", "coordinator", cluster, ports.get(2),
        ports)).await();
  }

  @AfterAll
  static void stop() {
    for (Node n : new Node[] {cn2, cn1, dn1}) {
      if (n != null) {
        n.close().await();
      }
    }
  }

  private static Session open(Node cn) {
    return cn.sessions().orElseThrow().open(TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null)
        .await();
  }

  @Test
  void coordinatorsWithoutStorageShareTheDataNodesDatabase() {
    assertTrue(cn1.store().isEmpty());
    Session a = open(cn1);
    Session b = open(cn2);
    a.execute("CREATE TABLE shared (k int PRIMARY KEY, v text)").await();
    a.execute("INSERT INTO shared VALUES (1, 'one'), (2, 'two')").await();
    assertEquals(List.of(List.of(2L)),
        b.execute("SELECT count(*) FROM shared").await().get(0).rows());

    // An exported snapshot is imported from the other coordinator.
    a.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").await();
    String id = (String) a.execute("SELECT pg_export_snapshot()").await().get(0).rows().get(0)
        .get(0);
    b.execute("INSERT INTO shared VALUES (3, 'three')").await();
    Session c = open(cn2);
    c.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").await();
    c.execute("SET TRANSACTION SNAPSHOT '" + id + "'").await();
    assertEquals(List.of(List.of(2L)),
        c.execute("SELECT count(*) FROM shared").await().get(0).rows());
    c.execute("COMMIT").await();
    a.execute("COMMIT").await();

    SnapsyncException e = assertInstanceOf(SnapsyncException.class, assertThrows(Exception.class,
        () -> b.execute("SELECT * FROM nowhere").await()));
    assertEquals("42P01", e.sqlState());
    SnapsyncException dup = assertInstanceOf(SnapsyncException.class,
        assertThrows(Exception.class,
            () -> b.execute("INSERT INTO shared VALUES (1, 'again')").await()));
    assertEquals("23505", dup.sqlState());
    a.close().await();
    b.close().await();
    c.close().await();
  }

  /** The names of the cluster_nodes rows with is_local, as the session sees them. */
  private static List<Object> localNodes(Session s) {
    return s.execute("SELECT name, is_local FROM cluster_nodes").await().get(0).rows().stream()
        .filter(r -> Boolean.TRUE.equals(r.get(1))).map(r -> r.get(0)).toList();
  }

  @Test
  void isLocalMarksTheSessionsCoordinatorNotTheDataNodeRunningTheQuery() {
    for (Node n : List.of(cn1, cn2, dn1)) {
      Session s = open(n);
      assertEquals(List.of(n.info().name()), localNodes(s), n.info().name());
      s.close().await();
    }
  }

  @Test
  void cancelIsForwardedToTheBackendSession() {
    Session a = open(cn1);
    Session b = open(cn2);
    a.execute("CREATE TABLE cancelled (k int PRIMARY KEY, v int)").await();
    a.execute("INSERT INTO cancelled VALUES (1, 0)").await();
    b.execute("BEGIN").await();
    b.execute("UPDATE cancelled SET v = 1 WHERE k = 1").await();
    a.execute("BEGIN").await();
    var blocked = a.execute("UPDATE cancelled SET v = 2 WHERE k = 1");
    // b keeps the row lock: only the cancel ends the wait (no effect until the statement runs)
    AtomicInteger ticks = new AtomicInteger();
    cn1.vertx().setPeriodic(5, id -> {
      if (blocked.isComplete() || ticks.incrementAndGet() > 2000) {
        cn1.vertx().cancelTimer(id);
      } else {
        a.cancel();
      }
    });
    SnapsyncException e = assertInstanceOf(SnapsyncException.class,
        assertThrows(Exception.class, blocked::await));
    assertEquals("57014", e.sqlState());
    assertEquals(io.snapsync.core.session.TransactionStatus.FAILED, a.transactionStatus());
    SnapsyncException aborted = assertInstanceOf(SnapsyncException.class,
        assertThrows(Exception.class, () -> a.execute("SELECT 1").await()));
    assertEquals("25P02", aborted.sqlState());
    a.execute("ROLLBACK").await();
    b.execute("COMMIT").await();
    assertEquals(List.of(List.of(1)),
        a.execute("SELECT v FROM cancelled WHERE k = 1").await().get(0).rows());
    a.close().await();
    b.close().await();
  }

  @Test
  void eventBusClientsReachCoordinatorsWithoutStorage() {
    SnapsyncClient client = new SnapsyncClient(dn1.vertx(), 30_000);
    SnapsyncClient.ClientSession s = client.open("cn2", TestNodes.ADMIN,
        TestNodes.ADMIN_PASSWORD, null).await();
    assertEquals("cn2", s.node());
    JsonArray rows = s.rows("SELECT name, role FROM cluster_nodes").await();
    assertEquals(3, rows.size());
    JsonArray local = s.rows("SELECT name FROM cluster_nodes WHERE is_local = true").await();
    assertEquals(1, local.size());
    assertTrue(local.encode().contains("\"cn2\""), local.encode());
    s.close().await();
  }

  /**
   * The parallel-dump scenario across coordinators: 100,000 rows, an exporter on cn1, writers
   * committing through cn2, four importers over disjoint key ranges, two through each
   * coordinator; the union of their rows is exactly what the exporter reads.
   */
  @Test
  void parallelDumpWithImportersOnTwoCoordinatorsReadsExactlyTheExportersSnapshot() {
    final int rows = 100_000;
    final int batch = 2_000;
    Session loader = open(cn1);
    loader.execute("CREATE TABLE dump (id bigint PRIMARY KEY, v text)").await();
    for (int start = 0; start < rows; start += batch) {
      StringBuilder sb = new StringBuilder("INSERT INTO dump VALUES ");
      for (int k = start; k < start + batch; k++) {
        sb.append(k == start ? "" : ",").append('(').append(k).append(",'v").append(k)
            .append("')");
      }
      loader.execute(sb.toString()).await();
    }
    Session exporter = open(cn1);
    exporter.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").await();
    String id = (String) exporter.execute("SELECT pg_export_snapshot()").await().get(0).rows()
        .get(0).get(0);

    Session writer = open(cn2);
    Future<?> writing = Future.succeededFuture();
    for (int k = 0; k < 30; k++) {
      int key = k * 3_000 + 11;
      String sql = switch (k % 3) {
        case 0 -> "UPDATE dump SET v = 'new' WHERE id = " + key;
        case 1 -> "DELETE FROM dump WHERE id = " + key;
        default -> "INSERT INTO dump VALUES (" + (rows + k) + ", 'ins')";
      };
      writing = writing.compose(x -> writer.execute(sql));
    }

    List<Session> importers = new ArrayList<>();
    List<Future<List<StatementResult>>> reads = new ArrayList<>();
    long range = (rows + 100) / 4 + 1;
    for (int p = 0; p < 4; p++) {
      Session s = open(p % 2 == 0 ? cn1 : cn2);
      importers.add(s);
      long lo = p * range;
      reads.add(s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
          + "SET TRANSACTION SNAPSHOT '" + id + "'; "
          + "SELECT * FROM dump WHERE id >= " + lo + " AND id < " + (lo + range) + "; COMMIT"));
    }
    writing.await();
    List<List<Object>> expected = exporter.execute("SELECT * FROM dump").await().get(0).rows();
    assertEquals(rows, expected.size());
    List<List<Object>> union = new ArrayList<>();
    for (Future<List<StatementResult>> r : reads) {
      union.addAll(r.await().get(2).rows());
    }
    assertEquals(expected, union);
    assertEquals(List.of(List.of(10L)),
        loader.execute("SELECT count(*) FROM dump WHERE v = 'new'").await().get(0).rows());
    exporter.execute("COMMIT").await();
    for (Session s : List.of(loader, exporter, writer)) {
      s.close().await();
    }
    importers.forEach(s -> s.close().await());
  }

  @Test
  void losingTheDataNodeGives08006AndServiceResumesWhenItReturns() {
    Session a = open(cn1);
    a.execute("CREATE TABLE durable (k int PRIMARY KEY)").await();
    a.execute("INSERT INTO durable VALUES (1), (2), (3)").await();
    dn1.close().await();
    dn1 = null;
    SnapsyncException lost = assertInstanceOf(SnapsyncException.class,
        assertThrows(Exception.class, () -> a.execute("SELECT count(*) FROM durable").await()));
    assertEquals("08006", lost.sqlState());
    SnapsyncException none = assertInstanceOf(SnapsyncException.class,
        assertThrows(Exception.class, () -> open(cn2)));
    assertEquals("08006", none.sqlState());

    dn1 = Node.start(dnConfig).await();
    assertEquals(List.of(List.of(3L)),
        a.execute("SELECT count(*) FROM durable").await().get(0).rows());
    Session b = open(cn2);
    assertEquals(List.of(List.of(3L)),
        b.execute("SELECT count(*) FROM durable").await().get(0).rows());
    a.close().await();
    b.close().await();
  }
}
