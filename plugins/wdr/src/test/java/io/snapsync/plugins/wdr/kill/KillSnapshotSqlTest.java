package io.snapsync.plugins.wdr.kill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.Node;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.testing.TestNodes;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill_snapshot and the cluster views through real SQL sessions of an embedded node. */
class KillSnapshotSqlTest {

  @TempDir
  static Path dir;
  static Node node;

  @BeforeAll
  static void start() {
    node = TestNodes.start(dir, KillTesting.overrides("5s"));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close().await();
    }
  }

  private static Session admin(String lc) {
    return node.sessions().orElseThrow().open(TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD,
        new JsonObject().put("lc_messages", lc)).await();
  }

  @Test
  void killSnapshotRunsAsSqlWithEveryScopeForm() {
    Session s = admin("en");
    for (String sql : List.of("SELECT kill_snapshot()", "SELECT kill_snapshot(NULL)",
        "SELECT kill_snapshot('')", "SELECT kill_snapshot('local')",
        "SELECT kill_snapshot('global')")) {
      KillTesting.wdr(node).startWorker().await();
      List<StatementResult> r = s.execute(sql).await();
      assertEquals(1, r.size(), sql);
      assertEquals(WorkerState.STOPPED, KillTesting.state(node), sql);
    }
    s.close().await();
  }

  @Test
  void errorsAreLocalized() {
    Session s = admin("zh_CN");
    SnapsyncException e = assertInstanceOf(SnapsyncException.class, assertThrows(Exception.class,
        () -> s.execute("SELECT kill_snapshot('nowhere')").await()));
    assertEquals("22023", e.sqlState());
    assertEquals("范围无效，请使用\"local\"或\"global\"。",
        node.services().catalog().render("zh_CN", e.message()));
    s.close().await();
  }

  @Test
  void clusterViewsAreTables() {
    Session s = admin("en");
    StatementResult nodes = s.execute("SELECT name, role, is_local, state FROM cluster_nodes")
        .await().get(0);
    assertEquals(List.of(List.of("node1", "coordinator+datanode", true, "up")), nodes.rows());
    StatementResult workers = s.execute("SELECT node, state FROM snapshot_workers").await()
        .get(0);
    assertEquals(1, workers.rows().size());
    assertEquals("node1", workers.rows().get(0).get(0));
    s.close().await();
  }
}
