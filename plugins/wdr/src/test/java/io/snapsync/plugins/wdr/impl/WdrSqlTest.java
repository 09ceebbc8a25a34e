package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.plugin.ExtensionContextImpl;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.snapsync.core.sql.Database;
import io.snapsync.core.testing.TestServices;
import io.snapsync.plugins.wdr.api.Outcome;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through SQL sessions of the real engine with the wdr extension installed. */
class WdrSqlTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private MutableClock clock;
  private Store store;
  private Database db;
  private SessionManagerImpl sessions;
  private WdrExtension wdr;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(1767225600000L);
    NodeServicesImpl services = TestServices.builder(vertx, dir).clock(clock)
        .node(new NodeInfo("cn1", true, true)).service(Clock.class, clock).build();
    store = Store.open(StoreOptions.defaults(dir.resolve("db")).withKvSpaces(Database.KV_SPACES)
        .withSyncCommits(false).withClock(clock));
    services.registerService(Store.class, store);
    db = Database.open(store, services);
    sessions = SessionManagerImpl.create(services, db);
    ExtensionContextImpl ctx = new ExtensionContextImpl(services,
        new JsonObject().put("tickMillis", 0), new io.snapsync.core.plugin.Collectors(),
        () -> java.util.Optional.<io.snapsync.core.session.SessionManager>of(sessions));
    wdr = new WdrExtension();
    wdr.register(ctx);
    wdr.start(ctx).await();
  }

  @AfterEach
  void stop() {
    sessions.closeAll().await();
    wdr.stop().await();
    db.close();
    store.close();
    vertx.close().await();
  }

  private Session admin() {
    return sessions.open(TestServices.ADMIN, TestServices.ADMIN_PASSWORD, new JsonObject())
        .await();
  }

  private static StatementResult exec(Session s, String sql) {
    List<StatementResult> r = s.execute(sql).await();
    return r.get(r.size() - 1);
  }

  private static Object value(Session s, String sql) {
    return exec(s, sql).rows().get(0).get(0);
  }

  private WdrService service() {
    return wdr.node().service();
  }

  /** Waits for every recorded request to be resolved, then returns the outcomes. */
  private List<RequestOutcome> outcomesAfter(int count) {
    // create_wdr_snapshot returns before the snapshot: wait on a follow-up request's outcome,
    // which the worker serves after the earlier one.
    service().requestSnapshot("probe").await().outcome().await();
    List<RequestOutcome> all = service().requests().await();
    assertTrue(all.size() >= count + 1);
    return all;
  }

  @Test
  void createWdrSnapshotThroughSqlAndReadTheRepositoryWithSelect() {
    Session s = admin();
    assertEquals("WDR snapshot request has been submitted.",
        value(s, "SELECT create_wdr_snapshot()"));
    List<RequestOutcome> outcomes = outcomesAfter(1);
    assertEquals(TestServices.ADMIN, outcomes.get(0).requestedBy());
    assertEquals(Outcome.TAKEN, outcomes.get(0).outcome());

    StatementResult snaps = exec(s,
        "SELECT snapshot_id, trigger FROM snapshot ORDER BY snapshot_id");
    assertEquals(2, snaps.rows().size());
    assertEquals(1L, snaps.rows().get(0).get(0));
    assertEquals("manual", snaps.rows().get(0).get(1));
    StatementResult req = exec(s,
        "SELECT requested_by, outcome, snapshot_id FROM wdr_snapshot_requests ORDER BY request_id");
    assertEquals(List.of(TestServices.ADMIN, "taken", 1L), req.rows().get(0));
    assertEquals(2L, value(s, "SELECT count(*) FROM wdr_snap_instance"));
    assertTrue((Long) value(s, "SELECT count(*) FROM wdr_snap_metrics WHERE category = 'jvm'")
        > 0);
    assertEquals("1h", value(s, "SELECT value FROM wdr_snap_settings WHERE snapshot_id = 1 AND "
        + "name = 'wdr_snapshot_interval'"));
  }

  @Test
  void ordinaryUsersAreRefusedTheRawWdrTablesAsTheyAreTheReport() {
    Session user = sessions.open(TestServices.USER, TestServices.USER_PASSWORD, new JsonObject())
        .await();
    for (String t : List.of("snapshot", "wdr_snapshot_requests", "wdr_baselines",
        "wdr_snap_instance", "wdr_snap_statements", "wdr_snap_waits", "wdr_snap_errors",
        "wdr_snap_settings", "wdr_snap_metrics")) {
      SnapsyncException e = org.junit.jupiter.api.Assertions.assertThrows(
          SnapsyncException.class, () -> user.execute("SELECT count(*) FROM " + t).await());
      assertEquals("42501", e.sqlState(), t);
      assertEquals("permission denied for table " + t, e.getMessage());
    }
    Session monitor = sessions.open(TestServices.MONITOR, TestServices.MONITOR_PASSWORD,
        new JsonObject()).await();
    assertTrue((Long) value(monitor, "SELECT count(*) FROM snapshot") >= 0);
    assertTrue((Long) value(monitor, "SELECT count(*) FROM wdr_snap_instance") >= 0);
  }

  @Test
  void createWdrSnapshotChecksRoleAndSettingThroughSql() {
    Session user = sessions.open(TestServices.USER, TestServices.USER_PASSWORD, new JsonObject())
        .await();
    SnapsyncException e = org.junit.jupiter.api.Assertions.assertThrows(SnapsyncException.class,
        () -> user.execute("SELECT create_wdr_snapshot()").await());
    assertEquals("42501", e.sqlState());
    assertEquals("permission denied for create WDR Snapshot", e.getMessage());
    Session s = admin();
    exec(s, "ALTER SYSTEM SET enable_wdr_snapshot = off");
    e = org.junit.jupiter.api.Assertions.assertThrows(SnapsyncException.class,
        () -> s.execute("SELECT create_wdr_snapshot()").await());
    assertEquals("WDR snapshot request can't be executed, because GUC parameter "
        + "'enable_wdr_snapshot' is off.", e.getMessage());
    assertEquals("off", value(s, "SHOW enable_wdr_snapshot"));
    e = org.junit.jupiter.api.Assertions.assertThrows(SnapsyncException.class,
        () -> s.execute("ALTER SYSTEM SET wdr_snapshot_interval = 5").await());
    assertEquals("22023", e.sqlState());
  }

  @Test
  void reportCountsExactlyTheCommitsOfASqlWorkload() {
    Session s = admin();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, v text)");
    long a = service().requestSnapshot("t").await().outcome().await().snapshotId();
    clock.advance(Duration.ofSeconds(50));
    int n = 37;
    for (int i = 0; i < n; i++) {
      exec(s, "INSERT INTO t VALUES (" + i + ", 'x')");
    }
    long b = service().requestSnapshot("t").await().outcome().await().snapshotId();
    JsonObject report = service().report(new io.snapsync.plugins.wdr.api.ReportRequest(a, b,
        "all", "cluster", null)).await().json();
    JsonObject commits = report.getJsonArray("load_profile").getJsonObject(1);
    assertEquals("commits", commits.getString("metric"));
    assertEquals(n, commits.getLong("total"));
    assertEquals(n / 50.0, commits.getDouble("per_second"));
    JsonObject top = report.getJsonArray("statements").getJsonObject(0);
    assertEquals(n, top.getLong("calls"));
    assertEquals("insert into t values (?, ?)", top.getString("query"));
    assertEquals((long) n, top.getLong("rows"));

    assertEquals((long) n, value(s, "SELECT calls FROM wdr_snap_statements WHERE snapshot_id = "
        + b + " AND query = 'insert into t values (?, ?)'"));
    assertEquals(0L, value(s, "SELECT count(*) FROM wdr_snap_statements WHERE snapshot_id = "
        + a + " AND query = 'insert into t values (?, ?)'"));
    String html = (String) value(s, "SELECT generate_wdr_report(" + a + ", " + b
        + ", 'all', 'cluster')");
    assertTrue(html.contains("<tr><td>commits</td><td class=\"n\">" + n + "</td>"), html);
    String node = (String) value(s, "SELECT generate_wdr_report(" + a + ", " + b
        + ", 'summary', 'node', 'cn1')");
    assertTrue(node.contains("Load Profile"));
  }
}
