package io.snapsync.plugins.wdr.kill;

import static io.snapsync.plugins.wdr.kill.KillTesting.await;
import static io.snapsync.plugins.wdr.kill.KillTesting.failure;
import static io.snapsync.plugins.wdr.kill.KillTesting.kill;
import static io.snapsync.plugins.wdr.kill.KillTesting.state;
import static io.snapsync.plugins.wdr.kill.KillTesting.supervisor;
import static io.snapsync.plugins.wdr.kill.KillTesting.table;
import static io.snapsync.plugins.wdr.kill.KillTesting.wdr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.Node;
import io.snapsync.core.session.Session;
import io.snapsync.core.plugin.Collectors;
import io.snapsync.core.testing.TestNodes;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.snapsync.plugins.wdr.testing.GateCollector;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three coordinators (cn1..cn3, no storage) and one data node (dn1) as real nodes of one
 * Hazelcast cluster on loopback in this JVM, the wdr and wdr-kill extensions discovered on
 * the class path, an injected clock, and a 3 s kill bound.
 */
class KillSnapshotClusterTest {

  @TempDir
  static Path dir;
  static final MutableClock CLOCK = new MutableClock(1767225600000L);
  static final GateCollector GATE = new GateCollector("test_gate");
  static Node dn1;
  static Node cn1;
  static Node cn2;
  static Node cn3;

  @BeforeAll
  static void start() {
    String cluster = TestNodes.clusterName();
    List<Integer> ports = List.of(TestNodes.freePort(), TestNodes.freePort(),
        TestNodes.freePort(), TestNodes.freePort());
    dn1 = node("dn1", "datanode", cluster, ports, 0);
    cn1 = node("cn1", "coordinator", cluster, ports, 1);
    cn2 = node("cn2", "coordinator", cluster, ports, 2);
    cn3 = node("cn3", "coordinator", cluster, ports, 3);
    cn2.services().service(Collectors.class).orElseThrow().add(GATE);
  }

  private static Node node(String name, String role, String cluster, List<Integer> ports,
      int i) {
    return Node.start(TestNodes.clusterConfig(dir, name, role, cluster, ports.get(i), ports)
        .with(KillTesting.overrides("3s")), CLOCK).await();
  }

  @AfterAll
  static void stop() {
    GATE.open();
    for (Node n : new Node[] {cn3, cn2, cn1, dn1}) {
      if (n != null) {
        n.close().await();
      }
    }
  }

  @BeforeEach
  void workersRunning() {
    GATE.open();
    for (Node n : List.of(cn1, cn2, cn3)) {
      wdr(n).startWorker().await();
    }
  }

  @Test
  void clusterNodesAndWorkersAreVisible() {
    List<List<Object>> nodes = table(cn1, "cluster_nodes");
    assertEquals(List.of("cn1", "cn2", "cn3", "dn1"), nodes.stream().map(r -> r.get(0)).toList());
    assertEquals(List.of("coordinator", "coordinator", "coordinator", "datanode"),
        nodes.stream().map(r -> r.get(1)).toList());
    assertEquals(List.of(true, false, false, false), nodes.stream().map(r -> r.get(3)).toList());
    assertTrue(nodes.stream().allMatch(r -> "up".equals(r.get(4))));
    assertTrue(nodes.stream().allMatch(r -> r.get(2).toString().startsWith("127.0.0.1:")));
    List<List<Object>> workers = table(dn1, "snapshot_workers");
    assertEquals(List.of("cn1", "cn2", "cn3"), workers.stream().map(r -> r.get(0)).toList());
    assertTrue(workers.stream().allMatch(r -> "RUNNING".equals(r.get(4))), workers.toString());
  }

  @Test
  void globalKillStopsEveryCoordinatorsWorkerAndReturns() {
    assertNull(kill(cn1, "global"));
    for (Node n : List.of(cn1, cn2, cn3)) {
      assertEquals(WorkerState.STOPPED, state(n), n.info().name());
    }
    assertTrue(table(cn2, "snapshot_workers").stream()
        .allMatch(r -> "STOPPED".equals(r.get(4))));
    assertEquals("55000 WDR snapshot request can not be accepted, please retry later.",
        failure(cn3, "admin", "create_wdr_snapshot"));
    assertNull(kill(cn2, "GLOBAL"), "killing stopped workers succeeds");
  }

  @Test
  void localNullAndEmptyScopesStopOnlyThisCoordinatorsWorker() {
    assertNull(kill(cn2, "local"));
    assertEquals(WorkerState.STOPPED, state(cn2));
    assertEquals(WorkerState.RUNNING, state(cn1));
    assertEquals(WorkerState.RUNNING, state(cn3));
    assertNull(kill(cn3, null));
    assertEquals(WorkerState.STOPPED, state(cn3));
    assertEquals(WorkerState.RUNNING, state(cn1));
    assertNull(kill(cn1, ""));
    assertEquals(WorkerState.STOPPED, state(cn1));
  }

  @Test
  void invalidScopePermissionAndDataNodeFailWithSpecTexts() {
    assertEquals("22023 Scope is invalid, use \"local\" or \"global\".",
        failure(cn1, "admin", "kill_snapshot", "everywhere"));
    assertEquals("42501 permission denied for terminate snapshot thread",
        failure(cn1, "nobody", "kill_snapshot", "global"));
    assertEquals("0A000 kill_snapshot can only be executed on coordinator.",
        failure(dn1, "admin", "kill_snapshot", "local"));
    assertEquals("0A000 WDR snapshot can only be created on coordinator.",
        failure(dn1, "admin", "create_wdr_snapshot"));
    for (Node n : List.of(cn1, cn2, cn3)) {
      assertEquals(WorkerState.RUNNING, state(n), "failed calls stop nothing");
    }
  }

  @Test
  void hangingWorkerFailsTheGlobalKillWithItsName() {
    GATE.close();
    WdrService.SnapshotRequest pending = wdr(cn2).requestSnapshot("test").await();
    Future.fromCompletionStage(GATE.entered()).await();
    long t0 = System.nanoTime();
    String f = failure(cn1, "admin", "kill_snapshot", "global");
    long tookMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("55000 Kill snapshot thread failed\n"
        + "Snapshot worker not stopped on: cn2 (did not stop within 3000 ms)", f);
    assertTrue(tookMillis >= 2900 && tookMillis < 10_000, "took " + tookMillis + " ms");
    assertEquals(WorkerState.STOPPED, state(cn1));
    assertEquals(WorkerState.STOPPED, state(cn3));
    assertEquals(WorkerState.STOPPING, state(cn2));
    GATE.open();
    pending.outcome().await();
    wdr(cn2).stopWorker().await();
    assertEquals(WorkerState.STOPPED, state(cn2));
  }

  @Test
  void killedWorkerRestartsNoSoonerThanTheDelayAfterItsPreviousStart() {
    wdr(cn3).stopWorker().await();
    wdr(cn3).startWorker().await();
    assertNull(kill(cn3, "local"));
    supervisor(cn3).check().await();
    assertEquals(WorkerState.STOPPED, state(cn3));
    assertEquals("55000 WDR snapshot request can not be accepted, please retry later.",
        failure(cn3, "admin", "create_wdr_snapshot"));
    CLOCK.advance(Duration.ofMillis(59_999));
    supervisor(cn3).check().await();
    assertEquals(WorkerState.STOPPED, state(cn3));
    CLOCK.advance(Duration.ofMillis(1));
    supervisor(cn3).check().await();
    assertEquals(WorkerState.RUNNING, state(cn3));
    assertEquals("WDR snapshot request has been submitted.",
        KillTesting.call(cn3, "admin", "create_wdr_snapshot"));
  }

  @Test
  void enableOffStopsWorkersEverywhereAndOnStartsThem() {
    cn1.services().settings().alterSystem("enable_wdr_snapshot", "off").await();
    for (Node n : List.of(cn1, cn2, cn3)) {
      await(n.vertx(), () -> state(n) == WorkerState.STOPPED, n.info().name() + " stopped");
    }
    supervisor(cn2).check().await();
    assertEquals(WorkerState.STOPPED, state(cn2), "no restart while disabled");
    assertEquals("55000 WDR snapshot request can't be executed, because GUC parameter "
        + "'enable_wdr_snapshot' is off.", failure(cn2, "admin", "create_wdr_snapshot"));
    cn3.services().settings().alterSystem("enable_wdr_snapshot", "on").await();
    for (Node n : List.of(cn1, cn2, cn3)) {
      await(n.vertx(), () -> state(n) == WorkerState.RUNNING, n.info().name() + " running");
    }
    assertFalse(table(cn1, "snapshot_workers").stream()
        .anyMatch(r -> !"RUNNING".equals(r.get(4))));
  }

  @Test
  void isLocalMarksTheSessionsCoordinatorInBothViews() {
    Session s = cn2.sessions().orElseThrow().open(TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD,
        null).await();
    assertEquals(List.of(List.of("cn2")),
        s.execute("SELECT name FROM cluster_nodes WHERE is_local = true").await().get(0).rows());
    assertEquals(List.of(List.of("cn2")),
        s.execute("SELECT node FROM snapshot_workers WHERE is_local = true").await().get(0).rows());
    s.close().await();
    Session d = dn1.sessions().orElseThrow().open(TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD,
        null).await();
    assertEquals(List.of(List.of("dn1")),
        d.execute("SELECT name FROM cluster_nodes WHERE is_local = true").await().get(0).rows());
    assertEquals(List.of(),
        d.execute("SELECT node FROM snapshot_workers WHERE is_local = true").await().get(0).rows());
    d.close().await();
  }

  @Test
  void coordinatorOnlyFunctionsRunOnTheSessionsCoordinator() {
    Session s = cn2.sessions().orElseThrow().open(TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD,
        null).await();
    assertEquals("kill_snapshot",
        s.execute("SELECT kill_snapshot('local')").await().get(0).columns().get(0).name());
    assertEquals(WorkerState.STOPPED, state(cn2));
    assertEquals(WorkerState.RUNNING, state(cn1));
    SnapsyncException e = assertInstanceOf(SnapsyncException.class, assertThrows(Exception.class,
        () -> s.execute("SELECT create_wdr_snapshot()").await()));
    assertEquals("wdr.create.worker_not_running", e.message().id());
    s.execute("SELECT kill_snapshot($1)", List.of("global")).await();
    for (Node n : List.of(cn1, cn2, cn3)) {
      assertEquals(WorkerState.STOPPED, state(n), n.info().name());
    }
    assertEquals(List.of(List.of(4L)),
        s.execute("SELECT count(*) FROM cluster_nodes").await().get(0).rows());
    s.close().await();
  }
}
