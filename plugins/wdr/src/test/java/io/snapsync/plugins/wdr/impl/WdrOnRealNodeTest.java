package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.node.Node;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.spi.StandardFunctionCall;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.snapsync.plugins.wdr.testing.Call;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wdr plugin discovered and started by a real embedded node (class path discovery). */
class WdrOnRealNodeTest {

  @TempDir
  Path dir;

  private static StatementResult exec(Session s, String sql) {
    List<StatementResult> r = s.execute(sql).await();
    return r.get(r.size() - 1);
  }

  @Test
  void embeddedNodeRunsTheWorkerAndServesTheFunctions() {
    MutableClock clock = new MutableClock(1767225600000L);
    NodeConfig config = NodeConfig.of(new JsonObject()
        .put("dataDirectory", dir.resolve("data").toString())
        .put("pluginDirectory", dir.resolve("plugins").toString())
        .put("cluster", new JsonObject().put("enabled", false))
        .put("plugins", new JsonObject().put("wdr", new JsonObject().put("tickMillis", 0)))
        .put("security", new JsonObject().put("initialAdminPassword", "pw")), "test");
    Node node = Node.start(config, clock).await();
    try {
      assertTrue(node.pluginNames().contains("wdr"), node.pluginNames().toString());
      WdrService wdr = node.services().service(WdrService.class).orElseThrow();
      assertEquals(WorkerState.RUNNING, wdr.workerState());
      RequestOutcome first = wdr.requestSnapshot("test").await().outcome().await();
      clock.advance(Duration.ofSeconds(20));
      for (int i = 0; i < 5; i++) {
        node.services().stats().committed();
      }
      StandardFunctionCall admin = Call.of(node.services(), "admin");
      assertEquals("WDR snapshot request has been submitted.", node.services().functions()
          .find("create_wdr_snapshot").orElseThrow().call(admin).await());
      RequestOutcome last = wdr.requestSnapshot("test").await().outcome().await();
      assertEquals(3, last.snapshotId());
      List<List<Object>> snaps = node.services().systemTables().find("snapshot").orElseThrow()
          .rows(admin).await();
      assertEquals(3, snaps.size());
      long eventBusMeters = node.services().systemTables().find("wdr_snap_metrics")
          .orElseThrow().rows(admin).await().stream().filter(r -> "eventbus".equals(r.get(2)))
          .count();
      assertTrue(eventBusMeters > 0, "event-bus meters from the node's Micrometer registry");
      String html = (String) node.services().functions().find("generate_wdr_report")
          .orElseThrow().call(Call.of(node.services(), "admin", first.snapshotId(),
              last.snapshotId(), "all", "node", "node1")).await();
      assertTrue(html.contains("Load Profile"));
      var report = wdr.report(new io.snapsync.plugins.wdr.api.ReportRequest(first.snapshotId(),
          last.snapshotId(), "all", "cluster", null)).await().json();
      assertEquals(20.0, report.getJsonObject("info").getDouble("elapsed_s"));
      assertEquals(5, report.getJsonArray("load_profile").getJsonObject(1).getLong("total"));

      // The same through a SQL session of the node.
      Session s = node.sessions().orElseThrow().open("admin", "pw", new JsonObject()).await();
      assertEquals("WDR snapshot request has been submitted.",
          exec(s, "SELECT create_wdr_snapshot()").rows().get(0).get(0));
      wdr.requestSnapshot("test").await().outcome().await();
      assertEquals(5L, exec(s, "SELECT count(*) FROM snapshot").rows().get(0).get(0));
      assertEquals("taken", exec(s, "SELECT outcome FROM wdr_snapshot_requests WHERE "
          + "requested_by = 'admin'").rows().get(0).get(0));
      String sqlHtml = (String) exec(s, "SELECT generate_wdr_report(1, 5, 'summary', 'cluster')")
          .rows().get(0).get(0);
      assertTrue(sqlHtml.startsWith("<!DOCTYPE html>"));
      s.close().await();
    } finally {
      node.close().await();
    }
  }
}
