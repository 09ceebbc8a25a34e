package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.plugins.wdr.api.Outcome;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.testing.LoopbackCluster;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.plugins.wdr.testing.WdrTestNode;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clustered Vert.x nodes on loopback: cn1 (coordinator and data node) and cn2
 * (coordinator). One of them takes the periodic snapshots; when it leaves, the other takes
 * over on the same schedule. Snapshots collect from every live node.
 */
class PeriodicFailoverTest {

  private static final long T0 = 1767225600000L;

  @TempDir
  Path dir;

  @Test
  void periodicRoleFailsOverWhenItsHolderLeaves() {
    MutableClock clock = new MutableClock(T0 + 1000);
    LoopbackCluster cluster = new LoopbackCluster(2);
    Vertx v1 = cluster.member(0);
    Vertx v2 = cluster.member(1);
    WdrTestNode cn1 = WdrTestNode.start(v1, dir.resolve("cn1"), new NodeInfo("cn1", true, true),
        clock, new JsonObject(), List.of());
    WdrTestNode cn2 = WdrTestNode.start(v2, dir.resolve("cn2"), new NodeInfo("cn2", true, false),
        clock, new JsonObject(), List.of());
    try {
      cn1.alterSystem(WdrSettings.INTERVAL, "10min");
      cn2.alterSystem(WdrSettings.INTERVAL, "10min");
      SnapshotWorker w1 = cn1.wdr().supervisor().worker();
      SnapshotWorker w2 = cn2.wdr().supervisor().worker();
      w2.tick().await();
      w1.tick().await();
      assertTrue(w2.isPeriodicLeader().await());
      assertFalse(w1.isPeriodicLeader().await());

      // A manual snapshot on cn2 collects from both nodes and is stored on the data node.
      RequestOutcome manual = cn2.service().requestSnapshot("admin").await().outcome().await();
      assertEquals(Outcome.TAKEN, manual.outcome());
      SnapshotInfo s1 = cn1.service().listSnapshots().await().get(0);
      assertEquals(List.of("cn1", "cn2"), s1.nodes());
      assertTrue(s1.failures().isEmpty(), s1.failures().encode());

      long due = T0 + Duration.ofMinutes(10).toMillis();
      clock.set(due);
      w1.tick().await();
      assertEquals(1, cn1.service().listSnapshots().await().size());
      w2.tick().await();
      List<SnapshotInfo> all = cn1.service().listSnapshots().await();
      assertEquals(2, all.size());
      assertEquals("periodic", all.get(1).trigger());

      // cn2's cluster member dies without releasing anything; cn1 takes over the periodic
      // role (Hazelcast frees a dead member's locks) on the same grid.
      ((HazelcastClusterManager) ((VertxInternal) v2).clusterManager()).getHazelcastInstance()
          .getLifecycleService().terminate();
      clock.set(due + Duration.ofMinutes(10).toMillis());
      for (int i = 0; i < 2000 && !w1.isPeriodicLeader().await(); i++) {
        w1.tick().await();
      }
      assertTrue(w1.isPeriodicLeader().await());
      w1.tick().await();
      all = cn1.service().listSnapshots().await();
      assertEquals(3, all.size());
      SnapshotInfo taken = all.get(2);
      assertEquals("periodic", taken.trigger());
      assertEquals(due + Duration.ofMinutes(10).toMillis(), taken.startMillis());
      assertEquals(List.of("cn1"), taken.nodes());
      assertEquals(due + Duration.ofMinutes(20).toMillis(), w1.nextDueMillis().await());
    } finally {
      cn1.close();
      v1.close().await();
      v2.close().otherwiseEmpty().await();
    }
  }
}
