package io.snapsync.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.node.Node;
import io.snapsync.core.session.Session;
import io.snapsync.core.testing.TestNodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #20: {@code pg_exported_snapshots} and {@code snapshot_log} name the coordinator the
 * user connected to (and the session) as well as the data node holding the snapshot.
 */
class ExportCoordinatorTest {

  @TempDir
  static Path dir;
  static Node dn1;
  static Node cn1;

  @BeforeAll
  static void start() {
    String cluster = TestNodes.clusterName();
    List<Integer> ports = List.of(TestNodes.freePort(), TestNodes.freePort());
    dn1 = Node.start(TestNodes.clusterConfig(dir, "dn1", "datanode", cluster, ports.get(0),
        ports)).await();
    cn1 = Node.start(TestNodes.clusterConfig(dir, "cn1", "coordinator", cluster, ports.get(1),
        ports)).await();
  }

  @AfterAll
  static void stop() {
    for (Node n : new Node[] {cn1, dn1}) {
      if (n != null) {
        n.close().await();
      }
    }
  }

  private static Session open(Node n) {
    return n.sessions().orElseThrow().open(TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null)
        .await();
  }

  private static List<List<Object>> rows(Session s, String sql) {
    return s.execute(sql).await().get(0).rows();
  }

  @Test
  void anExportThroughACoordinatorNamesItAndTheDataNode() {
    Session a = open(cn1);
    a.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").await();
    String id = (String) rows(a, "SELECT pg_export_snapshot()").get(0).get(0);
    List<List<Object>> listed = rows(a, "SELECT node, coordinator, session_id FROM "
        + "pg_exported_snapshots WHERE id = '" + id + "'");
    assertEquals(1, listed.size(), listed.toString());
    assertEquals("dn1", listed.get(0).get(0));
    assertEquals("cn1", listed.get(0).get(1));
    String session = (String) listed.get(0).get(2);
    // the session id is the one pg_stat_activity shows for this session
    assertEquals(List.of(List.of("active")), rows(a, "SELECT state FROM pg_stat_activity "
        + "WHERE session_id = '" + session + "'"));

    Session local = open(dn1);
    local.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").await();
    local.execute("SET TRANSACTION SNAPSHOT '" + id + "'").await();
    local.execute("COMMIT").await();
    a.execute("COMMIT").await();

    List<List<Object>> log = rows(local, "SELECT event, node, coordinator, session_id "
        + "FROM snapshot_log WHERE id = '" + id + "' ORDER BY seq");
    assertEquals(3, log.size(), log.toString());
    assertEquals(List.of("export", "dn1", "cn1", session), log.get(0));
    assertEquals("import", log.get(1).get(0));
    assertEquals("dn1", log.get(1).get(1));
    assertEquals("dn1", log.get(1).get(2), "imported by a session of dn1 itself");
    assertEquals(List.of("release", "dn1", "cn1", session), log.get(2));
    a.close().await();
    local.close().await();
  }
}
