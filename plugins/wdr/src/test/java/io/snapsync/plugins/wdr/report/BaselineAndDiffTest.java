package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.testing.TestServices;
import io.snapsync.plugins.wdr.api.Baseline;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.impl.WdrSettings;
import io.snapsync.plugins.wdr.testing.Call;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.plugins.wdr.testing.WdrTestNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines survive retention; compare reports put two ranges side by side. */
class BaselineAndDiffTest {

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

  private Object sql(String fn, String user, Object... args) {
    return cn.services.functions().find(fn).orElseThrow().call(Call.of(cn.services, user, args))
        .await();
  }

  private SnapsyncException sqlError(String fn, String user, Object... args) {
    Future<Object> f = cn.services.functions().find(fn).orElseThrow()
        .call(Call.of(cn.services, user, args));
    return assertInstanceOf(SnapsyncException.class,
        f.transform(ar -> Future.succeededFuture(ar.cause())).await());
  }

  @Test
  void baselineSnapshotsAreKeptByRetention() {
    cn.alterSystem(WdrSettings.RETENTION, "1");
    long a = snapshot();
    clock.advance(Duration.ofHours(1));
    long b = snapshot();
    clock.advance(Duration.ofHours(1));
    snapshot();
    assertEquals("WDR baseline \"monday\" has been created.",
        sql("create_wdr_baseline", TestServices.ADMIN, "monday", a, b));
    assertEquals(List.of(new Baseline("monday", a, b)), cn.service().baselines().await());
    clock.advance(Duration.ofDays(2));
    long d = snapshot();
    assertEquals(List.of(a, b, d), cn.service().listSnapshots().await().stream()
        .map(SnapshotInfo::snapshotId).toList());
    assertEquals("WDR baseline \"monday\" has been dropped.",
        sql("drop_wdr_baseline", TestServices.ADMIN, "monday"));
    clock.advance(Duration.ofDays(2));
    long e = snapshot();
    assertEquals(List.of(e), cn.service().listSnapshots().await().stream()
        .map(SnapshotInfo::snapshotId).toList());
  }

  @Test
  void baselineMessages() {
    long a = snapshot();
    clock.advance(Duration.ofHours(1));
    long b = snapshot();
    String admin = TestServices.ADMIN;
    assertEquals("42501", sqlError("create_wdr_baseline", TestServices.MONITOR, "x", a, b)
        .sqlState());
    assertEquals("snapshot id is invalid",
        sqlError("create_wdr_baseline", admin, "x", b, a).getMessage());
    assertEquals("snapshot id is invalid",
        sqlError("create_wdr_baseline", admin, "x", a, 42L).getMessage());
    assertEquals("WDR baseline name must not be empty",
        sqlError("create_wdr_baseline", admin, " ", a, b).getMessage());
    sql("create_wdr_baseline", admin, "x", a, b);
    SnapsyncException dup = sqlError("create_wdr_baseline", admin, "x", a, b);
    assertEquals("42710", dup.sqlState());
    assertEquals("WDR baseline \"x\" already exists", dup.getMessage());
    SnapsyncException none = sqlError("drop_wdr_baseline", admin, "y");
    assertEquals("42704", none.sqlState());
    assertEquals("WDR baseline \"y\" does not exist", none.getMessage());
  }

  @Test
  void compareReportShowsTheChangeBetweenTwoRanges() {
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
    long e2 = snapshot();
    JsonObject d = cn.service().diffReport(new ReportRequest(a1, e1, "all", "cluster", null),
        new ReportRequest(a2, e2, "all", "cluster", null)).await().json();
    JsonObject commits = d.getJsonArray("load_profile").getJsonObject(1);
    assertEquals("commits", commits.getString("metric"));
    assertEquals(1.0, commits.getDouble("first_per_second"));
    assertEquals(4.0, commits.getDouble("second_per_second"));
    assertEquals(300.0, commits.getDouble("change_pct"));
    JsonObject st = d.getJsonArray("statements").getJsonObject(0);
    assertEquals(10, st.getLong("first_calls"));
    assertEquals(40, st.getLong("second_calls"));
    assertEquals(100.0, st.getDouble("mean_change_pct"));
    String html = (String) sql("generate_wdr_diff_report", TestServices.MONITOR, a1, e1, a2, e2,
        "summary", "cluster", null);
    assertTrue(html.contains("WDR Compare Report"));
    assertEquals("invalid report type, should be summary or detail or all",
        sqlError("generate_wdr_diff_report", TestServices.ADMIN, a1, e1, a2, e2, "x", "cluster",
            null).getMessage());
    assertEquals("snapshot id is invalid", sqlError("generate_wdr_diff_report",
        TestServices.ADMIN, a1, e1, e2, a2, "all", "cluster", null).getMessage());
  }
}
