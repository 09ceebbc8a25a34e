package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.plugins.wdr.testing.WdrTestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time model against a known workload in the node's real counters: 400 ms of statements
 * in the window, of which 100 ms waited on row locks and 40 ms on commit writes; what ran
 * before the first snapshot does not count. Sections without data say why.
 */
class TimeModelReportTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private WdrTestNode cn;
  private ActivityStats stats;
  private MutableClock clock;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(1767225600000L);
    cn = WdrTestNode.start(vertx, dir, new NodeInfo("cn1", true, true), clock,
        new JsonObject(), List.of());
    stats = cn.services.stats();
  }

  @AfterEach
  void stop() {
    cn.close();
    vertx.close().await();
  }

  private long snapshot() {
    return cn.service().requestSnapshot("t").await().outcome().await().snapshotId();
  }

  @Test
  void waitsAreSharesOfDbTimeInTheWindow() {
    stats.statement("UPDATE t SET v = ? WHERE k = ?", "UPDATE", 900_000_000L, 1);
    stats.waited("Lock:row", 800_000_000L);
    long a = snapshot();
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 4; i++) {
      stats.statement("UPDATE t SET v = ? WHERE k = ?", "UPDATE", 100_000_000L, 1);
    }
    stats.waited("Lock:row", 100_000_000L);
    stats.waited("IO:commit", 40_000_000L);
    long b = snapshot();
    JsonObject r = cn.service().report(new ReportRequest(a, b, "all", "cluster", null)).await()
        .json();
    JsonArray tm = r.getJsonArray("time_model");
    assertEquals(400.0, tm.getJsonObject(0).getDouble("time_ms"));
    assertEquals(100.0, tm.getJsonObject(0).getDouble("share_of_db_time_pct"));
    assertEquals(100.0, tm.getJsonObject(1).getDouble("time_ms"));
    assertEquals(25.0, tm.getJsonObject(1).getDouble("share_of_db_time_pct"));
    assertEquals(10.0, tm.getJsonObject(2).getDouble("share_of_db_time_pct"));
    assertEquals(260.0, tm.getJsonObject(3).getDouble("time_ms"));
    assertEquals(65.0, tm.getJsonObject(3).getDouble("share_of_db_time_pct"));
    JsonArray waits = r.getJsonArray("waits");
    assertEquals("Lock:row", waits.getJsonObject(0).getString("event"));
    assertEquals(25.0, waits.getJsonObject(0).getDouble("share_of_db_time_pct"));
    // no storage on this node and its sampler never ran a round (no timers here): the
    // sections say why instead of vanishing
    JsonObject notes = r.getJsonObject("section_notes");
    assertEquals(0, r.getJsonArray("top_activity").size());
    assertEquals("No sampling round ran in the window.", notes.getString("top_activity"));
    assertEquals("No statement failed in the window.", notes.getString("errors"));
    assertNull(notes.getString("time_model"));
    JsonObject plan = r.getJsonArray("instance_efficiency").getJsonObject(1);
    assertEquals("plan cache hit %", plan.getString("ratio"));
    assertNull(plan.getValue("value"));
    String html = cn.service().report(new ReportRequest(a, b, "all", "cluster", null)).await()
        .html();
    assertEquals(true, html.contains("No statement failed in the window."));
    assertEquals(true, html.contains("Time Model"));
  }

  @Test
  void commitLatencyPercentilesAndParsePlanSharesOfTheWindow() {
    // before the window: slow commits that must not count
    for (int i = 0; i < 50; i++) {
      stats.phases().commitLatency(2_000_000_000L);
    }
    long a = snapshot();
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 98; i++) {
      stats.phases().commitLatency(1_000_000L);
    }
    stats.phases().commitLatency(300_000_000L);
    stats.phases().commitLatency(300_000_000L);
    stats.statement("SELECT 1", "SELECT", 1_000_000_000L, 1);
    stats.phases().planned(100_000_000L, 150_000_000L);
    for (int i = 0; i < 3; i++) {
      stats.phases().planCacheHit();
    }
    long b = snapshot();
    JsonObject r = cn.service().report(new ReportRequest(a, b, "all", "cluster", null)).await()
        .json();
    JsonArray eff = r.getJsonArray("instance_efficiency");
    assertEquals(75.0, eff.getJsonObject(1).getDouble("value"));
    assertEquals("3 hits, 1 misses", eff.getJsonObject(1).getString("note"));
    assertEquals("commit latency p50 ms", eff.getJsonObject(3).getString("ratio"));
    assertEquals(1.0, eff.getJsonObject(3).getDouble("value"));
    assertEquals(500.0, eff.getJsonObject(4).getDouble("value"));
    JsonArray tm = r.getJsonArray("time_model");
    assertEquals(100.0, tm.getJsonObject(4).getDouble("time_ms"));
    assertEquals(10.0, tm.getJsonObject(4).getDouble("share_of_db_time_pct"));
    assertEquals(15.0, tm.getJsonObject(5).getDouble("share_of_db_time_pct"));
    assertEquals(750.0, tm.getJsonObject(3).getDouble("time_ms"));
  }
}
