package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.WdrReport;
import io.snapsync.plugins.wdr.api.WdrService;
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

/** Report numbers against a known workload recorded in the node's real activity counters. */
class WdrReportTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private MutableClock clock;
  private WdrTestNode cn;
  private ActivityStats stats;

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

  private static JsonObject row(JsonArray rows, String key, String value) {
    for (Object o : rows) {
      JsonObject r = (JsonObject) o;
      if (value.equals(r.getString(key))) {
        return r;
      }
    }
    throw new AssertionError(value + " not in " + rows.encode());
  }

  /** Activity before the first snapshot, which the report must not count. */
  private void background() {
    for (int i = 0; i < 7; i++) {
      stats.committed();
      stats.statement("SELECT * FROM t WHERE id = ?", "SELECT", 1_000_000, 1);
    }
    stats.error("23505");
  }

  @Test
  void loadProfileCountsExactlyTheCommitsBetweenTheSnapshots() {
    background();
    long a = snapshot();
    clock.advance(Duration.ofSeconds(100));
    for (int i = 0; i < 250; i++) {
      stats.committed();
    }
    for (int i = 0; i < 50; i++) {
      stats.rolledBack();
    }
    for (int i = 0; i < 30; i++) {
      stats.statement("SELECT * FROM t WHERE id = ?", "SELECT", 2_000_000, 1);
    }
    stats.statement("UPDATE t SET v = ? WHERE id = ?", "UPDATE", 9_000_000, 4);
    stats.statement("UPDATE t SET v = ? WHERE id = ?", "UPDATE", 11_000_000, 6);
    stats.error("23505");
    stats.error("40001");
    stats.error("40001");
    stats.waited("Lock:row", 40_000_000);
    stats.waited("Lock:row", 60_000_000);
    stats.waited("IO:commit", 5_000_000);
    stats.sessionOpened();
    stats.snapshotExported();
    stats.snapshotImported();
    stats.snapshotImported();
    long b = snapshot();

    WdrReport r = cn.service().report(new ReportRequest(a, b, "all", "cluster", null)).await();
    JsonObject j = r.json();
    assertEquals(100.0, j.getJsonObject("info").getDouble("elapsed_s"));
    JsonArray lp = j.getJsonArray("load_profile");
    JsonObject commits = row(lp, "metric", "commits");
    assertEquals(250, commits.getLong("total"));
    assertEquals(2.5, commits.getDouble("per_second"));
    assertEquals(0.833, commits.getDouble("per_transaction"));
    assertEquals(300, row(lp, "metric", "transactions").getLong("total"));
    assertEquals(50, row(lp, "metric", "rollbacks").getLong("total"));
    assertEquals(32, row(lp, "metric", "statements").getLong("total"));
    assertEquals(40, row(lp, "metric", "rows").getLong("total"));
    assertEquals(80, row(lp, "metric", "db_time_ms").getLong("total"));
    assertEquals(3, row(lp, "metric", "errors").getLong("total"));
    assertEquals(1, row(lp, "metric", "logins").getLong("total"));
    assertEquals(2, row(lp, "metric", "snapshots_imported").getLong("total"));

    JsonArray st = j.getJsonArray("statements");
    JsonObject sel = st.getJsonObject(0);
    assertEquals("SELECT * FROM t WHERE id = ?", sel.getString("query"));
    assertEquals(30, sel.getLong("calls"));
    assertEquals(60.0, sel.getDouble("total_ms"));
    assertEquals(2.0, sel.getDouble("mean_ms"));
    JsonObject upd = st.getJsonObject(1);
    assertEquals(2, upd.getLong("calls"));
    assertEquals(20.0, upd.getDouble("total_ms"));
    assertEquals(10.0, upd.getDouble("mean_ms"));
    assertEquals(11.0, upd.getDouble("max_ms"));
    assertEquals(10, upd.getLong("rows"));

    assertEquals(1, row(j.getJsonArray("errors"), "sqlstate", "23505").getLong("count"));
    assertEquals(2, row(j.getJsonArray("errors"), "sqlstate", "40001").getLong("count"));
    JsonObject lock = j.getJsonArray("waits").getJsonObject(0);
    assertEquals("Lock:row", lock.getString("event"));
    assertEquals(2, lock.getLong("waits"));
    assertEquals(100.0, lock.getDouble("total_ms"));
    assertEquals(50.0, lock.getDouble("avg_ms"));
    assertEquals(1, row(j.getJsonArray("snapshot_sync"), "metric", "exported")
        .getLong("value"));
    assertFalse(j.getJsonArray("storage").isEmpty());
    assertEquals("cn1", j.getJsonArray("jvm_host").getJsonObject(0).getString("node"));
    assertEquals("1h", row(j.getJsonArray("settings"), "name", "wdr_snapshot_interval")
        .getString("value"));

    String html = r.html();
    for (String section : List.of("Report Information", "Load Profile", "Top Statements",
        "Wait Events", "Errors by SQLSTATE", "Snapshot Synchronization", "Storage (RocksDB)",
        "Event Bus", "JVM and Host", "Settings")) {
      assertTrue(html.contains(section), section);
    }
    assertTrue(html.contains("UPDATE t SET v = ? WHERE id = ?"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("http://") || html.contains("https://"));
  }

  @Test
  void statementMaxComesFromTheWindowOrIsLabelledLifetime() {
    // Before the window: one slow call of each statement.
    stats.statement("SELECT pg_export_snapshot()", "SELECT", 109_500_000, 1);
    stats.statement("SELECT * FROM a", "SELECT", 50_000_000, 1);
    stats.statement("SELECT * FROM b", "SELECT", 5_000_000, 1);
    long a = snapshot();
    clock.advance(Duration.ofSeconds(10));
    stats.statement("SELECT pg_export_snapshot()", "SELECT", 1_800_000, 1);
    for (int i = 0; i < 3; i++) {
      stats.statement("SELECT * FROM a", "SELECT", 4_000_000, 1);
    }
    stats.statement("SELECT * FROM b", "SELECT", 7_000_000, 1);
    stats.statement("SELECT * FROM b", "SELECT", 2_000_000, 1);
    long b = snapshot();

    WdrReport r = cn.service().report(new ReportRequest(a, b, "all", "cluster", null)).await();
    JsonArray st = r.json().getJsonArray("statements");
    JsonObject once = row(st, "query", "SELECT pg_export_snapshot()");
    assertEquals(1, once.getLong("calls"));
    assertEquals(1.8, once.getDouble("total_ms"));
    assertEquals(1.8, once.getDouble("mean_ms"));
    assertEquals(1.8, once.getDouble("max_ms"), "one call: its max is its time");
    assertEquals(109.5, once.getDouble("lifetime_max_ms"));
    JsonObject rose = row(st, "query", "SELECT * FROM b");
    assertEquals(7.0, rose.getDouble("max_ms"), "the lifetime max rose inside the window");
    JsonObject below = row(st, "query", "SELECT * FROM a");
    assertEquals(3, below.getLong("calls"));
    assertEquals(4.0, below.getDouble("mean_ms"));
    assertTrue(below.containsKey("max_ms"));
    assertEquals(null, below.getValue("max_ms"), "snapshots cannot tell: no number shown");
    assertEquals(50.0, below.getDouble("lifetime_max_ms"));
    assertTrue(r.html().contains("lifetime_max_ms"));
    assertTrue(r.html().contains("max_ms is the maximum within the window"));
  }

  private io.snapsync.core.error.SnapsyncException reportError(Long from, Long to) {
    Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () ->
        cn.service().report(new ReportRequest(from, to, "all", "cluster", null)).await());
    while (!(t instanceof io.snapsync.core.error.SnapsyncException) && t.getCause() != null) {
      t = t.getCause();
    }
    return (io.snapsync.core.error.SnapsyncException) t;
  }

  @Test
  void missingSnapshotIdIsNamedWithTheStoredRange() {
    var none = reportError(1L, 2L);
    assertEquals("22023", none.sqlState());
    assertEquals("snapshot id is invalid", none.render(cn.services.catalog(), "en"));
    assertEquals("Snapshot 1 does not exist; no WDR snapshots are stored.",
        cn.services.catalog().render("en", none.detail()));
    long a = snapshot();
    snapshot();
    long c = snapshot();
    var missing = reportError(a, c + 40);
    assertEquals("snapshot id is invalid", missing.render(cn.services.catalog(), "en"));
    assertEquals("Snapshot " + (c + 40) + " does not exist; stored snapshot ids range from " + a
        + " to " + c + " (3 snapshots).", cn.services.catalog().render("en", missing.detail()));
    assertEquals("快照" + (c + 40) + "不存在；已存储的快照ID范围为" + a + "至" + c + "（共3个快照）。",
        cn.services.catalog().render("zh_CN", missing.detail()));
    var order = reportError(c, a);
    assertEquals("The begin snapshot id (" + c + ") must be positive and less than the end"
        + " snapshot id (" + a + ").", cn.services.catalog().render("en", order.detail()));
  }

  @Test
  void summaryAndDetailSelectSections() {
    long a = snapshot();
    clock.advance(Duration.ofSeconds(10));
    stats.committed();
    long b = snapshot();
    JsonObject summary = cn.service().report(new ReportRequest(a, b, "summary", "cluster", null))
        .await().json();
    assertTrue(summary.containsKey("load_profile"));
    assertFalse(summary.containsKey("settings"));
    assertFalse(summary.containsKey("event_bus"));
    JsonObject detail = cn.service().report(new ReportRequest(a, b, "detail", "node", "cn1"))
        .await().json();
    assertFalse(detail.containsKey("load_profile"));
    assertTrue(detail.containsKey("settings"));
    assertTrue(detail.containsKey("event_bus"));
    assertEquals("node", detail.getJsonObject("info").getString("scope"));
  }

  @Test
  void reportIsServedAsJsonOnTheEventBus() {
    long a = snapshot();
    clock.advance(Duration.ofSeconds(10));
    stats.committed();
    stats.committed();
    long b = snapshot();
    JsonObject reply = member(vertx).<JsonObject>request(vertx,
        WdrService.REPORT_ADDRESS,
        new ReportRequest(a, b, "all", "cluster", null).toJson()).await().body();
    assertEquals(2, row(reply.getJsonArray("load_profile"), "metric", "commits")
        .getLong("total"));
    assertTrue(reply.getString("html").contains("Load Profile"));
    JsonObject err = member(vertx).<JsonObject>request(vertx,
        WdrService.REPORT_ADDRESS,
        new ReportRequest(b, a, "all", "cluster", null).toJson()).await().body();
    assertEquals("snapshot id is invalid", err.getJsonObject("error").getString("message"));
    assertEquals("22023", err.getJsonObject("error").getString("sqlState"));
  }

  /** The trust of the node parts on {@code vertx}: requests as a cluster member sends them. */
  private static io.snapsync.core.cluster.ClusterTrust member(io.vertx.core.Vertx vertx) {
    return io.snapsync.core.cluster.ClusterTrust.forVertx(vertx);
  }
}
