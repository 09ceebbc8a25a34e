package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.WdrReport;
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
 * The compare-periods report against a known workload: 10 commits and 10 statements of 1 ms in
 * 10 s, then 40 commits, 40 statements of 2 ms and a new statement 5 times 4 ms in 10 s. Each
 * metric and statement shows both values and the difference; what changed most comes first.
 */
class ComparePeriodsTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private MutableClock clock;
  private WdrTestNode cn;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(1767225600000L);
    cn = WdrTestNode.start(vertx, dir, new NodeInfo("cn1", true, true), clock,
        new JsonObject(), List.of());
  }

  @AfterEach
  void stop() {
    cn.close();
    vertx.close().await();
  }

  private long snapshot() {
    return cn.service().requestSnapshot("t").await().outcome().await().snapshotId();
  }

  private static JsonObject row(JsonArray rows, String key, String value) {
    for (Object o : rows) {
      if (value.equals(((JsonObject) o).getString(key))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError(value + " not in " + rows.encode());
  }

  @Test
  void bothValuesAndTheDifferencePerMetricAndStatement() {
    var stats = cn.services.stats();
    long a1 = snapshot();
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 10; i++) {
      stats.committed();
      stats.statement("SELECT ?", "SELECT", 1_000_000, 1);
    }
    long e1 = snapshot();
    long a2 = snapshot();
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 40; i++) {
      stats.committed();
      stats.statement("SELECT ?", "SELECT", 2_000_000, 1);
    }
    for (int i = 0; i < 5; i++) {
      stats.statement("UPDATE t SET v = ?", "UPDATE", 4_000_000, 2);
    }
    long e2 = snapshot();
    WdrReport r = cn.service().diffReport(new ReportRequest(a1, e1, "all", "cluster", null),
        new ReportRequest(a2, e2, "all", "cluster", null)).await();
    JsonObject d = r.json();

    JsonObject commits = row(d.getJsonArray("load_profile"), "metric", "commits");
    assertEquals(10L, commits.getLong("first_total"));
    assertEquals(40L, commits.getLong("second_total"));
    assertEquals(30L, commits.getLong("total_diff"));
    assertEquals(3.0, commits.getDouble("per_second_diff"));
    assertEquals(300.0, commits.getDouble("change_pct"));

    JsonObject select = row(d.getJsonArray("statements"), "query", "SELECT ?");
    assertEquals(StatementIds.of("SELECT ?"), select.getString("statement_id"));
    assertEquals(30L, select.getLong("calls_diff"));
    assertEquals(10.0, select.getDouble("first_total_ms"));
    assertEquals(80.0, select.getDouble("second_total_ms"));
    assertEquals(70.0, select.getDouble("total_diff_ms"));
    assertEquals(1.0, select.getDouble("mean_diff_ms"));
    assertEquals(100.0, select.getDouble("mean_change_pct"));
    JsonObject update = row(d.getJsonArray("statements"), "query", "UPDATE t SET v = ?");
    assertEquals(0L, update.getLong("first_calls"));
    assertEquals(5L, update.getLong("calls_diff"));
    assertEquals(20.0, update.getDouble("total_diff_ms"));
    assertNull(update.getValue("total_change_pct"), "no percentage from zero");

    // DB time 10 ms, then 100 ms
    JsonObject db = row(d.getJsonArray("time_model"), "component", "DB time (statements)");
    assertEquals(10.0, db.getDouble("first"));
    assertEquals(100.0, db.getDouble("second"));
    assertEquals(90.0, db.getDouble("diff"));
    assertTrue(d.getJsonArray("instance_efficiency").size() > 0);

    // the new statement changed most (all of it is new); SELECT's time (70 of 80 ms) is listed
    JsonArray most = d.getJsonArray("changed_most");
    assertEquals("UPDATE t SET v = ?", most.getJsonObject(0).getString("item"));
    assertEquals("statements", most.getJsonObject(0).getString("section"));
    assertEquals(70.0, row(most, "item", "SELECT ?").getDouble("diff"));

    assertTrue(r.html().contains("<h2 id=\"changed_most\">What Changed Most</h2>"));
    assertTrue(r.html().contains("total_diff_ms"));
    String zh = cn.service().diffReport(
        new ReportRequest(a1, e1, "all", "cluster", null, "zh_CN"),
        new ReportRequest(a2, e2, "all", "cluster", null)).await().html();
    assertTrue(zh.contains("变化最大的项"), zh);
    assertTrue(zh.contains("WDR 对比报告"));
  }
}
