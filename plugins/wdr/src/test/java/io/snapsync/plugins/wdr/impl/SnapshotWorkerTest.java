package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.plugins.wdr.api.Outcome;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.api.WdrService.SnapshotRequest;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.snapsync.plugins.wdr.testing.GateCollector;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.plugins.wdr.testing.WdrTestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker on one embedded node: requests, merging, schedule, skipping, retention. */
class SnapshotWorkerTest {

  /** 2026-01-01T00:00:00Z, on the 10-minute grid. */
  private static final long T0 = 1767225600000L;

  @TempDir
  Path dir;
  private Vertx vertx;
  private MutableClock clock;
  private GateCollector gate;
  private WdrTestNode node;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(T0 + 1000);
    gate = new GateCollector("gate");
    node = WdrTestNode.start(vertx, dir, new NodeInfo("cn1", true, true), clock,
        new JsonObject(), List.of(gate));
    node.alterSystem(WdrSettings.INTERVAL, "10min");
  }

  @AfterEach
  void stop() {
    gate.open();
    node.close();
    vertx.close().await();
  }

  private SnapshotWorker worker() {
    return node.wdr().supervisor().worker();
  }

  private List<SnapshotInfo> snapshots() {
    return node.service().listSnapshots().await();
  }

  @Test
  void manualRequestIsTakenAndRecordedWithEveryBuiltinCategory() {
    SnapshotRequest r = node.service().requestSnapshot("admin").await();
    RequestOutcome o = r.outcome().await();
    assertEquals(Outcome.TAKEN, o.outcome());
    assertEquals(1, o.snapshotId());
    assertEquals("admin", o.requestedBy());
    SnapshotInfo s = snapshots().get(0);
    assertEquals("manual", s.trigger());
    assertEquals(List.of("cn1"), s.nodes());
    JsonObject cats = node.wdr().repository().data(1).await().get("cn1")
        .getJsonObject("categories");
    for (String c : List.of("instance", "sessions", "transactions", "statements", "errors",
        "waits", "snapshot_sync", "rocksdb", "eventbus", "jvm", "host", "settings", "gate")) {
      assertTrue(cats.containsKey(c), "category " + c + " in " + cats.fieldNames());
    }
    assertEquals("10min", cats.getJsonObject("settings").getString("wdr_snapshot_interval"));
    assertEquals(List.of(o), node.service().requests().await());
  }

  @Test
  void requestsArrivingWhileOneRunsWaitAndLaterOnesMerge() throws Exception {
    gate.close();
    SnapshotRequest first = node.service().requestSnapshot("a").await();
    gate.entered().get(10, TimeUnit.SECONDS);
    SnapshotRequest second = node.service().requestSnapshot("b").await();
    SnapshotRequest third = node.service().requestSnapshot("c").await();
    SnapshotRequest fourth = node.service().requestSnapshot("d").await();
    gate.open();
    assertEquals(Outcome.TAKEN, first.outcome().await().outcome());
    RequestOutcome b = second.outcome().await();
    RequestOutcome c = third.outcome().await();
    RequestOutcome d = fourth.outcome().await();
    assertEquals(Outcome.TAKEN, b.outcome());
    assertEquals(Outcome.MERGED, c.outcome());
    assertEquals(Outcome.MERGED, d.outcome());
    assertEquals(2, b.snapshotId());
    assertEquals(2, c.snapshotId());
    assertEquals(2, d.snapshotId());
    assertEquals(2, snapshots().size());
    assertEquals(4, node.service().requests().await().size());
  }

  @Test
  void periodicSnapshotsFollowTheGridAndManualOnesDoNotShiftIt() {
    worker().tick().await();
    assertTrue(worker().isPeriodicLeader().await());
    long due = worker().nextDueMillis().await();
    assertEquals(T0 + Duration.ofMinutes(10).toMillis(), due);
    clock.advance(Duration.ofMinutes(3));
    node.service().requestSnapshot("admin").await().outcome().await();
    assertEquals(due, worker().nextDueMillis().await());
    worker().tick().await();
    assertEquals(1, snapshots().size());
    clock.set(due);
    worker().tick().await();
    List<SnapshotInfo> s = snapshots();
    assertEquals(2, s.size());
    assertEquals("periodic", s.get(1).trigger());
    assertEquals(due, s.get(1).startMillis());
    assertEquals(due + Duration.ofMinutes(10).toMillis(), worker().nextDueMillis().await());
    worker().tick().await();
    assertEquals(2, snapshots().size());
  }

  @Test
  void periodicSnapshotDueWhileOneRunsIsSkippedAndRecorded() throws Exception {
    worker().tick().await();
    long due = worker().nextDueMillis().await();
    gate.close();
    SnapshotRequest manual = node.service().requestSnapshot("admin").await();
    gate.entered().get(10, TimeUnit.SECONDS);
    clock.set(due + 5);
    worker().tick().await();
    gate.open();
    manual.outcome().await();
    List<RequestOutcome> rs = node.service().requests().await();
    RequestOutcome skipped = rs.stream().filter(r -> r.outcome() == Outcome.SKIPPED)
        .findFirst().orElseThrow();
    assertEquals("periodic", skipped.requestedBy());
    assertEquals(due, skipped.requestedAtMillis());
    assertEquals(0, skipped.snapshotId());
    var table = node.services.systemTables().find("wdr_snapshot_requests").orElseThrow();
    List<Object> row = table.rows(io.snapsync.plugins.wdr.testing.Call.of(node.services, "admin"))
        .await().stream().filter(x -> "skipped".equals(x.get(4))).findFirst().orElseThrow();
    assertEquals("a snapshot was in progress", row.get(5));
    row = table.rows(io.snapsync.plugins.wdr.testing.Call.of(node.services, "admin")
        .inLanguage("zh_CN")).await().stream().filter(x -> "skipped".equals(x.get(4)))
        .findFirst().orElseThrow();
    assertEquals("有快照正在进行", row.get(5));
    assertEquals(1, snapshots().size());
    assertEquals(due + Duration.ofMinutes(10).toMillis(), worker().nextDueMillis().await());
  }

  @Test
  void periodicSnapshotsStopWhileDisabled() {
    worker().tick().await();
    node.alterSystem(WdrSettings.ENABLE, "off");
    clock.advance(Duration.ofMinutes(30));
    worker().tick().await();
    assertEquals(0, snapshots().size());
    node.alterSystem(WdrSettings.ENABLE, "on");
    worker().tick().await();
    assertEquals(1, snapshots().size());
  }

  @Test
  void hangingCollectorIsRecordedAndTheOthersAreKept() {
    node.alterSystem(WdrSettings.QUERY_TIMEOUT, "3s");
    gate.close();
    RequestOutcome o = node.service().requestSnapshot("admin").await().outcome().await();
    assertEquals(Outcome.TAKEN, o.outcome());
    SnapshotInfo s = snapshots().get(0);
    assertEquals("timed out", s.failures().getJsonObject("cn1").getString("gate"));
    JsonObject cats = node.wdr().repository().data(1).await().get("cn1")
        .getJsonObject("categories");
    assertFalse(cats.containsKey("gate"));
    assertTrue(cats.containsKey("transactions"));
  }

  @Test
  void failingCollectorIsRecordedAndTheOthersAreKept() {
    node.ctx.addCollector(new io.snapsync.core.spi.Collector() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public io.vertx.core.Future<JsonObject> collect(io.snapsync.core.spi.ExtensionContext c) {
        throw new IllegalStateException("boom");
      }
    });
    node.service().requestSnapshot("admin").await().outcome().await();
    SnapshotInfo s = snapshots().get(0);
    assertEquals("IllegalStateException: boom",
        s.failures().getJsonObject("cn1").getString("broken"));
    assertTrue(node.wdr().repository().data(1).await().get("cn1").getJsonObject("categories")
        .containsKey("jvm"));
  }

  @Test
  void aNodeThatDoesNotAnswerIsRecordedAndTheSnapshotIsStillTaken() {
    // A live node in the directory without a collect endpoint (e.g. its plugin failed).
    new NodeDirectory(vertx).join("ghost", "coordinator").await();
    assertEquals(Outcome.TAKEN,
        node.service().requestSnapshot("admin").await().outcome().await().outcome());
    SnapshotInfo s = snapshots().get(0);
    assertEquals(List.of("cn1"), s.nodes());
    assertTrue(s.failures().getJsonObject("ghost").getString("*").contains("NO_HANDLERS")
        || s.failures().getJsonObject("ghost").getString("*").contains("No handlers"),
        s.failures().encode());
  }

  @Test
  void retentionRemovesSnapshotsOlderThanTheRetentionDays() {
    node.alterSystem(WdrSettings.RETENTION, "1");
    node.service().requestSnapshot("admin").await().outcome().await();
    clock.advance(Duration.ofHours(23));
    node.service().requestSnapshot("admin").await().outcome().await();
    clock.advance(Duration.ofHours(2));
    node.service().requestSnapshot("admin").await().outcome().await();
    List<SnapshotInfo> s = snapshots();
    assertEquals(List.of(2L, 3L), s.stream().map(SnapshotInfo::snapshotId).toList());
    clock.advance(Duration.ofDays(2));
    node.service().requestSnapshot("admin").await().outcome().await();
    assertEquals(List.of(4L), snapshots().stream().map(SnapshotInfo::snapshotId).toList());
    assertTrue(node.wdr().repository().data(1).await().isEmpty());
  }

  @Test
  void stoppedWorkerRefusesRequestsAndRestartsAfterTheDelay() {
    assertEquals(WorkerState.RUNNING, node.service().workerState());
    node.service().stopWorker().await();
    assertEquals(WorkerState.STOPPED, node.service().workerState());
    assertTrue(node.service().requestSnapshot("admin").failed());
    clock.advance(Duration.ofSeconds(59));
    node.wdr().supervisor().check().await();
    assertEquals(WorkerState.STOPPED, node.service().workerState());
    clock.advance(Duration.ofSeconds(1));
    node.wdr().supervisor().check().await();
    assertEquals(WorkerState.RUNNING, node.service().workerState());
    assertEquals(Outcome.TAKEN,
        node.service().requestSnapshot("admin").await().outcome().await().outcome());
  }

  @Test
  void workerStartsWhenTheSettingIsTurnedOn() {
    node.service().stopWorker().await();
    node.alterSystem(WdrSettings.ENABLE, "off");
    clock.advance(Duration.ofMinutes(5));
    node.wdr().supervisor().check().await();
    assertEquals(WorkerState.STOPPED, node.service().workerState());
    node.alterSystem(WdrSettings.ENABLE, "on");
    node.wdr().supervisor().check().await();
    assertEquals(WorkerState.RUNNING, node.service().workerState());
  }

  @Test
  void workerIsControlledAndObservedOverTheEventBus() throws Exception {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch four = new java.util.concurrent.CountDownLatch(4);
    vertx.eventBus().<JsonObject>consumer(io.snapsync.plugins.wdr.api.WdrService.WORKERS_ADDRESS,
        m -> {
          seen.add(m.body().getString("node") + ":" + m.body().getString("state"));
          four.countDown();
        }).completion().await();
    String control = io.snapsync.plugins.wdr.api.WdrService.CONTROL_ADDRESS_PREFIX + "cn1";
    JsonObject r = member(vertx).<JsonObject>request(vertx,
        control,
        new JsonObject().put("action", "stop")).await().body();
    assertEquals("STOPPED", r.getString("state"));
    assertEquals(WorkerState.STOPPED, node.service().workerState());
    r = member(vertx).<JsonObject>request(vertx,
        control, new JsonObject().put("action", "start"))
        .await().body();
    assertEquals("RUNNING", r.getString("state"));
    r = member(vertx).<JsonObject>request(vertx,
        control, new JsonObject().put("action", "state"))
        .await().body();
    assertEquals(new JsonObject().put("node", "cn1").put("state", "RUNNING"), r);
    assertTrue(four.await(10, TimeUnit.SECONDS));
    assertEquals(List.of("cn1:STOPPING", "cn1:STOPPED", "cn1:STARTING", "cn1:RUNNING"), seen);
  }

  @Test
  void stoppingTheWorkerReleasesThePeriodicRoleAndFailsPendingRequests() throws Exception {
    worker().tick().await();
    assertTrue(worker().isPeriodicLeader().await());
    gate.close();
    SnapshotRequest running = node.service().requestSnapshot("a").await();
    gate.entered().get(10, TimeUnit.SECONDS);
    SnapshotRequest pending = node.service().requestSnapshot("b").await();
    var stopped = node.service().stopWorker();
    RequestOutcome p = pending.outcome().await();
    assertEquals(Outcome.FAILED, p.outcome());
    assertEquals("the snapshot worker stopped",
        node.services.catalog().render("en", p.reason()));
    gate.open();
    stopped.await();
    assertEquals(Outcome.TAKEN, running.outcome().await().outcome());
    io.vertx.core.shareddata.Lock lock = vertx.sharedData()
        .getLockWithTimeout(SnapshotWorker.PERIODIC_LOCK, 1000).await();
    lock.release();
  }

  /** The trust of the node parts on {@code vertx}: requests as a cluster member sends them. */
  private static io.snapsync.core.cluster.ClusterTrust member(io.vertx.core.Vertx vertx) {
    return io.snapsync.core.cluster.ClusterTrust.forVertx(vertx);
  }
}
