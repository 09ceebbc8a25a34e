package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.plugin.ExtensionContextImpl;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.snapsync.core.sql.Database;
import io.snapsync.core.testing.TestServices;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.impl.WdrExtension;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports against a known workload through the real engine. Object Stats: what ran before
 * the first snapshot does not count, the window's scans and writes do exactly, sizes are the
 * end snapshot's, and the snapshot's table rows are readable as {@code wdr_snap_tables}.
 * Instance efficiency: plan-cache hits and misses, one writer's commit group size and its
 * commits' latency percentiles.
 */
class WorkloadReportTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private Store store;
  private Database db;
  private SessionManagerImpl sessions;
  private WdrExtension wdr;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    MutableClock clock = new MutableClock(1767225600000L);
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

  private static StatementResult exec(Session s, String sql) {
    List<StatementResult> r = s.execute(sql).await();
    return r.get(r.size() - 1);
  }

  private long snapshot() {
    return wdr.node().service().requestSnapshot("t").await().outcome().await().snapshotId();
  }

  private static JsonObject find(JsonArray rows, String key, String value) {
    for (Object o : rows) {
      if (value.equals(((JsonObject) o).getString(key))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError(value + " not in " + rows.encode());
  }

  @Test
  void objectStatsCoverTheWindowOnly() {
    Session s = sessions.open(TestServices.ADMIN, TestServices.ADMIN_PASSWORD, new JsonObject())
        .await();
    exec(s, "CREATE TABLE acct (id int PRIMARY KEY, owner int, note text)");
    exec(s, "CREATE INDEX acct_owner ON acct (owner)");
    exec(s, "CREATE TABLE idle (v int)");
    exec(s, "INSERT INTO acct SELECT g, g % 10, 'n' FROM generate_series(1, 50) g");
    exec(s, "SELECT count(*) FROM acct WHERE note = 'n'");
    long a = snapshot();
    // the window: 3 sequential scans of 50 rows, 4 key lookups, 10 inserts, 5 updates and
    // 2 deletes by key
    for (int i = 0; i < 3; i++) {
      exec(s, "SELECT count(*) FROM acct WHERE note = 'n'");
    }
    for (int i = 1; i <= 4; i++) {
      exec(s, "SELECT note FROM acct WHERE id = " + i);
    }
    exec(s, "INSERT INTO acct SELECT g, g % 10, 'm' FROM generate_series(51, 60) g");
    for (int i = 1; i <= 5; i++) {
      exec(s, "UPDATE acct SET note = 'u' WHERE id = " + i);
    }
    exec(s, "DELETE FROM acct WHERE id = 59");
    exec(s, "DELETE FROM acct WHERE id = 60");
    long b = snapshot();
    JsonObject r = wdr.node().service().report(new ReportRequest(a, b, "all", "cluster", null))
        .await().json();
    JsonArray tables = r.getJsonArray("object_stats");
    assertEquals(1, tables.size(), tables.encode());
    JsonObject t = find(tables, "table", "public.acct");
    assertEquals(3L, t.getLong("seq_scan"));
    assertEquals(150L, t.getLong("seq_tup_read"));
    // 4 lookups, plus the key lookups of the 5 updates and 2 deletes: 11 index scans
    assertEquals(11L, t.getLong("idx_scan"), t.encode());
    assertEquals(11L, t.getLong("idx_tup_fetch"), t.encode());
    assertEquals(10L, t.getLong("n_tup_ins"));
    assertEquals(5L, t.getLong("n_tup_upd"));
    assertEquals(2L, t.getLong("n_tup_del"));
    assertEquals(58L, t.getLong("n_live_tup"));
    // 5 superseded versions, 2 deleted rows and their 2 tombstones
    assertEquals(9L, t.getLong("n_dead_tup"));
    assertTrue(t.getLong("stored_bytes") > 0);
    JsonObject pk = find(r.getJsonArray("object_stats_indexes"), "index", "public.acct.acct_pkey");
    assertEquals(11L, pk.getLong("idx_scan"));
    String html = wdr.node().service().report(new ReportRequest(a, b, "all", "cluster", null))
        .await().html();
    assertTrue(html.contains("Object Stats (tables)"));
    assertTrue(html.contains("public.acct"));
    // the snapshot's rows as a table
    assertEquals(50L, exec(s, "SELECT n_tup_ins FROM wdr_snap_tables WHERE snapshot_id = " + a
        + " AND relname = 'acct'").rows().get(0).get(0));

    // a window without table access says why
    long c = snapshot();
    JsonObject quiet = wdr.node().service().report(new ReportRequest(b, c, "all", "cluster",
        null)).await().json();
    assertEquals(0, quiet.getJsonArray("object_stats").size());
    assertEquals("No table or index was read or written in the window.",
        quiet.getJsonObject("section_notes").getString("object_stats"));
    s.close().await();
  }

  @Test
  void planCacheCommitGroupsAndLatencyOfTheWindow() {
    Session s = sessions.open(TestServices.ADMIN, TestServices.ADMIN_PASSWORD, new JsonObject())
        .await();
    exec(s, "CREATE TABLE pc (id int PRIMARY KEY, v text)");
    // planned before the window: its runs in the window are hits
    exec(s, "SELECT v FROM pc WHERE id > 0 AND v = 'plan-cache'");
    long a = snapshot();
    for (int i = 0; i < 5; i++) {
      exec(s, "SELECT v FROM pc WHERE id > 0 AND v = 'plan-cache'");
    }
    for (int i = 1; i <= 3; i++) {
      exec(s, "INSERT INTO pc VALUES (" + i + ", 'x')");
    }
    long b = snapshot();
    JsonObject r = wdr.node().service().report(new ReportRequest(a, b, "all", "cluster", null))
        .await().json();
    JsonArray eff = r.getJsonArray("instance_efficiency");
    assertEquals("5 hits, 0 misses", eff.getJsonObject(1).getString("note"), eff.encode());
    assertEquals(100.0, eff.getJsonObject(1).getDouble("value"));
    // one session writes at a time: every RocksDB write group has one writer
    assertEquals(1.0, eff.getJsonObject(2).getDouble("value"), eff.encode());
    assertTrue(eff.getJsonObject(3).getString("note").startsWith("3 commits"), eff.encode());
    assertTrue(eff.getJsonObject(3).getDouble("value") > 0);
    assertTrue(eff.getJsonObject(4).getDouble("value") >= eff.getJsonObject(3).getDouble("value"));
    // a query new in the window is parsed and planned: both timed
    exec(s, "SELECT count(*) FROM pc WHERE v = 'new'");
    long c = snapshot();
    JsonObject r2 = wdr.node().service().report(new ReportRequest(b, c, "all", "cluster", null))
        .await().json();
    JsonArray tm = r2.getJsonArray("time_model");
    assertTrue(tm.getJsonObject(4).getDouble("time_ms") > 0, tm.encode());
    assertTrue(tm.getJsonObject(5).getDouble("time_ms") > 0, tm.encode());
    assertEquals(0.0, r2.getJsonArray("instance_efficiency").getJsonObject(1)
        .getDouble("value"), r2.encode());
    s.close().await();
  }
}
