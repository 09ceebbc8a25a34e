package io.snapsync.plugins.wdr.ash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.node.Node;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active session history on a real embedded node: a session blocked on another's row lock is
 * sampled as active in {@code Lock:row} with its statement; the samples of a window are
 * flushed into the next snapshot ({@code wdr_snap_active_sessions}) and the report's top
 * activity counts exactly them. The sampler runs without its timer ({@code tickMillis 0}), so
 * the test decides how many rounds run.
 */
class ActiveSessionHistoryTest {

  @TempDir
  Path dir;
  private MutableClock clock;
  private Node node;
  private Session a;
  private Session b;
  private Session reader;

  @BeforeEach
  void start() {
    clock = new MutableClock(1767225600000L);
    node = Node.start(NodeConfig.of(new JsonObject()
        .put("dataDirectory", dir.resolve("data").toString())
        .put("pluginDirectory", dir.resolve("plugins").toString())
        .put("cluster", new JsonObject().put("enabled", false))
        .put("plugins", new JsonObject().put("wdr", new JsonObject().put("tickMillis", 0)))
        .put("security", new JsonObject().put("initialAdminPassword", "pw")), "test"), clock)
        .await();
    a = open();
    b = open();
    reader = open();
  }

  @AfterEach
  void stop() {
    node.close().await();
  }

  private Session open() {
    return node.sessions().orElseThrow().open("admin", "pw", new JsonObject()).await();
  }

  private static List<List<Object>> rows(Session s, String sql) {
    List<StatementResult> r = s.execute(sql).await();
    return r.get(r.size() - 1).rows();
  }

  private ActiveSessionSampler sampler() {
    return node.services().service(ActiveSessionSampler.class).orElseThrow();
  }

  private long snapshot() {
    return node.services().service(WdrService.class).orElseThrow().requestSnapshot("t").await()
        .outcome().await().snapshotId();
  }

  /** Polls pg_stat_activity (a bounded number of reads, no sleeps) until b waits. */
  private List<Object> awaitLockWait(String sql) {
    for (int i = 0; i < 20_000; i++) {
      for (List<Object> r : rows(reader, "SELECT state, wait_event_type, wait_event, query "
          + "FROM pg_stat_activity")) {
        if ("Lock".equals(r.get(1)) && sql.equals(r.get(3))) {
          return r;
        }
      }
    }
    throw new AssertionError("the second UPDATE never waited on the row lock");
  }

  @Test
  void aBlockedSessionIsSampledInLockRowAndReportedAsTopActivity() throws Exception {
    rows(a, "CREATE TABLE t (k int PRIMARY KEY, v int)");
    rows(a, "INSERT INTO t VALUES (1, 0)");
    long first = snapshot();
    rows(a, "BEGIN");
    rows(a, "UPDATE t SET v = 1 WHERE k = 1");
    String blocked = "UPDATE t SET v = 2 WHERE k = 1";
    Future<List<StatementResult>> waiting = b.execute(blocked);
    assertEquals(List.of("active", "Lock", "row", blocked), awaitLockWait(blocked));

    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      sampler().sample().await();
    }
    rows(a, "COMMIT");
    waiting.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    // a round with nobody active counts no sample
    sampler().sample().await();
    long second = snapshot();

    JsonObject report = node.services().service(WdrService.class).orElseThrow()
        .report(new ReportRequest(first, second, "all", "cluster", null)).await().json();
    JsonArray top = report.getJsonArray("top_activity");
    assertEquals(1, top.size(), top.encode());
    JsonObject lock = top.getJsonObject(0);
    assertEquals("Lock", lock.getString("wait_class"));
    assertEquals("row", lock.getString("wait_event"));
    assertEquals(5L, lock.getLong("samples"));
    assertEquals(100.0, lock.getDouble("share_pct"));
    assertEquals(5.0, lock.getDouble("est_db_time_s"));
    JsonObject stmt = report.getJsonArray("top_activity_statements").getJsonObject(0);
    assertEquals(blocked, stmt.getString("query"));
    assertEquals("Lock:row", stmt.getString("top_event"));
    assertTrue(report.getJsonObject("section_notes").getString("top_activity") == null);

    // the waits section and the time model show the row-lock wait as a share of DB time
    JsonObject timeLock = report.getJsonArray("time_model").getJsonObject(1);
    assertTrue(timeLock.getString("component").contains("Lock:row"), timeLock.encode());
    assertTrue(timeLock.getDouble("share_of_db_time_pct") > 0, timeLock.encode());

    List<List<Object>> flushed = rows(reader, "SELECT snapshot_id, wait_class, wait_event, "
        + "query, user_name FROM wdr_snap_active_sessions");
    assertEquals(5, flushed.size(), flushed.toString());
    for (List<Object> r : flushed) {
      assertEquals(List.of(second, "Lock", "row", blocked, "admin"), r);
    }
    String html = (String) rows(reader, "SELECT generate_wdr_report(" + first + ", " + second
        + ", 'all', 'cluster')").get(0).get(0);
    assertTrue(html.contains("Top Activity"), "top activity in the HTML report");
  }

  @Test
  void aWindowWithoutActiveSessionsSaysWhyItsTopActivityIsEmpty() {
    long first = snapshot();
    sampler().sample().await();
    sampler().sample().await();
    long second = snapshot();
    JsonObject report = node.services().service(WdrService.class).orElseThrow()
        .report(new ReportRequest(first, second, "all", "cluster", null)).await().json();
    assertEquals(0, report.getJsonArray("top_activity").size());
    assertEquals("Sampled 2 round(s); no session was active in any of them.",
        report.getJsonObject("section_notes").getString("top_activity"));
    assertEquals(0, rows(reader, "SELECT * FROM wdr_snap_active_sessions").size());
  }
}
