package io.snapsync.core.eventbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.node.Node;
import io.snapsync.core.testing.MutableClock;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event-bus session closed while its statement runs for ever (its client closes it, the
 * reaper ends it, or the node stops): the statement is cancelled, the transaction rolls back and
 * its row lock goes to the next session, as when PostgreSQL's backend loses its client. Waits
 * on the lock itself and polls {@code pg_stat_activity}; never sleeps for the server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClosingCancelsTest {

  @TempDir
  static Path dir;
  static MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  static Node node;
  static SnapsyncClient client;

  @BeforeAll
  static void start() {
    node = TestNodes.start(dir, new JsonObject().put("settings",
        new JsonObject().put("eventbus_session_idle_timeout", "1min")), clock);
    client = TestNodes.client(node);
    SnapsyncClient.ClientSession s = admin(null);
    s.execute("CREATE TABLE closing (id int PRIMARY KEY, v int)").await();
    s.execute("INSERT INTO closing VALUES (1, 0), (2, 0), (3, 0)").await();
    s.close().await();
  }

  @AfterAll
  static void stop() {
    node.close().await();
  }

  static SnapsyncClient.ClientSession admin(String app) {
    return client.open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD,
        app == null ? null : new JsonObject().put("application_name", app)).await();
  }

  /** Starts an endless statement in a block that holds row {@code id}'s lock. */
  static Future<JsonObject> spinHoldingRow(SnapsyncClient.ClientSession s, int id,
      SnapsyncClient.ClientSession watcher, String app) throws Exception {
    s.execute("BEGIN").await();
    s.execute("UPDATE closing SET v = 1 WHERE id = " + id).await();
    Future<JsonObject> running =
        s.execute("SELECT count(*) FROM generate_series(1, 10000000000)");
    awaitActivity(watcher, app, "active");
    return running;
  }

  static void awaitActivity(SnapsyncClient.ClientSession watcher, String app, String state)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonArray rows;
    do {
      rows = watcher.rows("SELECT state FROM pg_stat_activity WHERE application_name = '"
          + app + "'").await();
      boolean found = rows.stream().anyMatch(r -> ((JsonArray) r).getString(0).equals(state));
      if (state == null ? rows.isEmpty() : found) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(app + " is " + rows + ", expected " + state);
  }

  /** The row's lock is free once an update of it succeeds; the spinner's update is gone. */
  static void rowIsFreeAndUnchanged(SnapsyncClient.ClientSession watcher, int id) {
    watcher.execute("SET lock_timeout = '50s'").await();
    JsonObject r = watcher.execute("UPDATE closing SET v = v + 10 WHERE id = " + id).await();
    assertEquals("UPDATE 1", r.getJsonArray("results").getJsonObject(0).getString("commandTag"));
    int v = Integer.parseInt(String.valueOf(watcher.rows("SELECT v FROM closing WHERE id = "
        + id).await().getJsonArray(0).getValue(0)));
    assertEquals(0, v % 10, "the closed session's update was rolled back");
  }

  @Test
  void closingASessionCancelsItsStatementAndReleasesItsRowLock() throws Exception {
    SnapsyncClient.ClientSession watcher = admin(null);
    SnapsyncClient.ClientSession s = admin("closed-by-client");
    Future<JsonObject> running = spinHoldingRow(s, 1, watcher, "closed-by-client");
    s.close().await();
    SnapsyncClient.ApiException e = assertInstanceOf(SnapsyncClient.ApiException.class,
        SnapsyncClient.toException(assertThrows(Exception.class, running::await)));
    assertEquals("08006", e.sqlState());
    rowIsFreeAndUnchanged(watcher, 1);
    awaitActivity(watcher, "closed-by-client", null);
    watcher.close().await();
  }

  @Test
  void aSessionIdleInABlockIsReapedAndItsRowLockReleased() throws Exception {
    SnapsyncClient.ClientSession watcher = admin(null);
    SnapsyncClient.ClientSession s = admin("reaped");
    s.execute("BEGIN").await();
    s.execute("UPDATE closing SET v = 1 WHERE id = 2").await();
    clock.advance(Duration.ofMinutes(2));
    watcher.execute("SELECT 1").await();
    node.api().orElseThrow().reapIdle();
    rowIsFreeAndUnchanged(watcher, 2);
    awaitActivity(watcher, "reaped", null);
    watcher.close().await();
  }

  @Test
  void aNodeStopsWhileASessionsStatementRunsForEver(@TempDir Path other) throws Exception {
    Node second = TestNodes.start(other);
    SnapsyncClient c = TestNodes.client(second);
    SnapsyncClient.ClientSession watcher = c.open(null, TestNodes.ADMIN,
        TestNodes.ADMIN_PASSWORD, null).await();
    SnapsyncClient.ClientSession s = c.open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD,
        new JsonObject().put("application_name", "stopped")).await();
    Future<JsonObject> running =
        s.execute("SELECT count(*) FROM generate_series(1, 10000000000)");
    awaitActivity(watcher, "stopped", "active");
    second.close().await();
    assertThrows(Exception.class, running::await);
  }
}
