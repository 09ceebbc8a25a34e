package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.repository.Repository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.cluster.ClusterConfigs;
import io.snapsync.core.node.Node;
import io.snapsync.core.testing.TestNodes;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, WDR side: a process holding the cluster's service certificate but not its secret
 * cannot delete snapshots, stop workers, read reports, collections or snapshot data; a
 * coordinator without storage (cn1) still reaches the data node's repository (dn1 is the
 * embedded n1) over the signed channel.
 */
class RogueWdrTest {

  @TempDir
  static Path dir;
  static final String CLUSTER = TestNodes.clusterName();
  static final List<Integer> PORTS = List.of(TestNodes.freePort(), TestNodes.freePort(),
      TestNodes.freePort());
  static Node n1;
  static Node cn1;
  static Vertx rogue;

  @BeforeAll
  static void start() {
    JsonObject wdr = new JsonObject().put("plugins", new JsonObject().put("wdr",
        new JsonObject().put("tickMillis", 0).put("restartDelayMillis", 60_000)));
    n1 = Node.start(TestNodes.clusterConfig(dir, "n1", "embedded", CLUSTER, PORTS.get(0), PORTS)
        .with(wdr)).await();
    cn1 = Node.start(TestNodes.clusterConfig(dir, "cn1", "coordinator", CLUSTER, PORTS.get(1),
        PORTS).with(wdr)).await();
    rogue = TestNodes.service(CLUSTER, PORTS.get(2), PORTS);
    WdrService service = wdr(n1);
    service.startWorker().await();
    service.requestSnapshot("admin").compose(WdrService.SnapshotRequest::outcome).await();
  }

  @AfterAll
  static void stop() {
    if (rogue != null) {
      rogue.close().await();
    }
    for (Node n : new Node[] {cn1, n1}) {
      if (n != null) {
        n.close().await();
      }
    }
  }

  private static WdrService wdr(Node n) {
    return n.services().service(WdrService.class).orElseThrow();
  }

  private static void refused(String address, JsonObject body, String action) {
    DeliveryOptions o = new DeliveryOptions().setSendTimeout(10_000);
    if (action != null) {
      o.addHeader("action", action);
    }
    ReplyException e = assertThrows(ReplyException.class,
        () -> rogue.eventBus().request(address, body, o).await(), address);
    assertEquals(401, e.failureCode(), e.getMessage());
    JsonObject j = new JsonObject(e.getMessage());
    assertEquals("28000", j.getString("sqlState"));
    assertEquals("cluster.not_member", j.getString("messageId"));
  }

  @Test
  void rogueCannotDeleteSnapshots() {
    int before = wdr(n1).listSnapshots().await().size();
    assertTrue(before >= 1);
    refused(Repository.ADDRESS, new JsonObject().put("cutoff", Long.MAX_VALUE), "retention");
    assertEquals(before, wdr(n1).listSnapshots().await().size());
  }

  @Test
  void rogueCannotStopWorkers() {
    refused(WdrService.CONTROL_ADDRESS_PREFIX + "n1", new JsonObject().put("action", "stop"),
        null);
    assertEquals(WorkerState.RUNNING, wdr(n1).workerState());
  }

  @Test
  void rogueCannotReadReportsCollectionsOrData() {
    long id = wdr(n1).listSnapshots().await().get(0).snapshotId();
    refused(WdrService.REPORT_ADDRESS, new JsonObject().put("begin", id).put("end", id), null);
    refused(NodeCollector.address("n1"), new JsonObject().put("timeoutMillis", 1000), null);
    refused(Repository.ADDRESS, new JsonObject().put("id", id), "data");
    refused(Repository.ADDRESS, new JsonObject(), "requests");
  }

  @Test
  void forgedDirectoryEntryIsIgnored() {
    rogue.sharedData().<String, JsonObject>getAsyncMap("snapsync.wdr.nodes")
        .compose(m -> m.put("evil", new JsonObject().put("nodeId", ClusterConfigs.nodeId(rogue))
            .put("role", "coordinator")))
        .await();
    assertEquals(List.of("cn1", "n1"),
        List.copyOf(new NodeDirectory(n1.vertx()).liveNodes().await().keySet()));
  }

  @Test
  void coordinatorStillReadsTheRepositoryOverTheSignedChannel() {
    assertEquals(wdr(n1).listSnapshots().await().size(),
        wdr(cn1).listSnapshots().await().size());
    assertEquals(WorkerState.RUNNING, wdr(n1).workerState());
  }
}
