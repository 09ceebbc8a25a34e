package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.eventbus.SnapsyncClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 "brute force": the console's sign-in shares the node's login limits with the
 * event-bus API, per user and per address; concurrent guesses do not slip past them and
 * another user's success does not forgive them.
 */
class ConsoleLoginLimitTest {

  @TempDir
  static Path dir;
  static ConsoleTestNode node;
  static Vertx vertx;
  static WebClient http;

  @BeforeAll
  static void start() {
    // a clock that stands still: back-offs do not run out while the test works
    node = ConsoleTestNode.start(dir, null, new ConsoleExpiryTest.TestClock());
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    http.close();
    vertx.close().await();
    node.close();
  }

  private Future<HttpResponse<Buffer>> signIn(String user, String password) {
    int port = node.console.port();
    return http.post(port, "127.0.0.1", "/api/login")
        .putHeader("Origin", "http://127.0.0.1:" + port)
        .sendJsonObject(new JsonObject().put("user", user).put("password", password));
  }

  @Test
  void sixtyConcurrentWrongPasswordsGetNoMoreThanTheLimitOfGuesses() {
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add(signIn("monitor", "wrong-" + i));
    }
    Future.join(all).await();
    int judged = 0;
    for (Future<HttpResponse<Buffer>> f : all) {
      int status = f.result().statusCode();
      assertTrue(status == 401 || status == 429, "status " + status);
      judged += status == 401 ? 1 : 0;
    }
    assertTrue(judged <= 5, judged + " passwords were judged");
    HttpResponse<Buffer> right = signIn("monitor", ConsoleTestNode.MONITOR_PW).await();
    assertEquals(429, right.statusCode(), "the right password waits out the back-off too");
    assertEquals("28P01", right.bodyAsJsonObject().getJsonObject("error").getString("sqlState"));
    // another user's success from the same address forgives nothing
    assertEquals(200, signIn("admin", ConsoleTestNode.ADMIN_PW).await().statusCode());
    assertEquals(429, signIn("monitor", ConsoleTestNode.MONITOR_PW).await().statusCode());
  }

  @Test
  void failuresOnTheEventBusCountForTheConsoleToo() {
    SnapsyncClient client = new SnapsyncClient(node.node.vertx(), 10_000);
    for (int i = 0; i < 5; i++) {
      assertEquals("28P01", failureState(client.open(null, "alice", "wrong", null)));
    }
    HttpResponse<Buffer> r = signIn("alice", ConsoleTestNode.ALICE_PW).await();
    assertEquals(429, r.statusCode());
    assertEquals(io.snapsync.core.login.LoginThrottle.THROTTLED,
        r.bodyAsJsonObject().getJsonObject("error").getString("messageId"));
  }

  private static String failureState(Future<?> f) {
    f.transform(ar -> Future.succeededFuture()).await();
    return ((SnapsyncClient.ApiException) f.cause()).sqlState();
  }
}
