package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time-bound rules on the node clock: a sign-in ends after {@code sessionIdleMinutes} of
 * inactivity, with its SQL sessions; a user with too many failed sign-ins waits a back-off.
 */
class ConsoleExpiryTest {

  @TempDir
  Path dir;

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  private static HttpResponse<Buffer> signIn(WebClient http, int port, String password) {
    return http.post(port, "127.0.0.1", "/api/login")
        .putHeader("Origin", "http://127.0.0.1:" + port)
        .sendJsonObject(new JsonObject().put("user", "admin").put("password", password)).await();
  }

  @Test
  void idleSignInExpiresAndFailedSignInsAreLimited() {
    TestClock clock = new TestClock();
    Vertx vertx = Vertx.vertx();
    try (ConsoleTestNode node = ConsoleTestNode.start(dir,
        new JsonObject().put("sessionIdleMinutes", 5), clock)) {
      WebClient http = WebClient.create(vertx);
      int port = node.console.port();
      int before = node.node.sessions().orElseThrow().sessions().size();
      HttpResponse<Buffer> login = http.post(port, "127.0.0.1", "/api/login")
          .putHeader("Origin", "http://127.0.0.1:" + port)
          .sendJsonObject(new JsonObject().put("user", "admin")
              .put("password", ConsoleTestNode.ADMIN_PW)).await();
      String c = login.cookies().get(0).substring(0, login.cookies().get(0).indexOf(';'));
      clock.millis.addAndGet(Duration.ofMinutes(4).toMillis());
      assertEquals(200, http.get(port, "127.0.0.1", "/api/me").putHeader("Cookie", c).send()
          .await().statusCode(), "active 4 minutes later; this request renews it");
      clock.millis.addAndGet(Duration.ofMinutes(4).toMillis());
      assertEquals(200, http.get(port, "127.0.0.1", "/api/me").putHeader("Cookie", c).send()
          .await().statusCode());
      clock.millis.addAndGet(Duration.ofMinutes(6).toMillis());
      assertEquals(401, http.get(port, "127.0.0.1", "/api/me").putHeader("Cookie", c).send()
          .await().statusCode());
      assertEquals(0, node.console.signedIn());
      assertEquals(before, node.node.sessions().orElseThrow().sessions().size());
      // failed sign-ins: the node's per-user limit (5), then refused even with the right
      // password until the back-off (1 s) is over
      for (int i = 0; i < 5; i++) {
        assertEquals(401, signIn(http, port, "wrong").statusCode());
      }
      HttpResponse<Buffer> blocked = signIn(http, port, ConsoleTestNode.ADMIN_PW);
      assertEquals(429, blocked.statusCode());
      assertEquals("too many failed login attempts for user \"admin\" or from this address; "
          + "try again in 1 seconds",
          blocked.bodyAsJsonObject().getJsonObject("error").getString("message"));
      clock.millis.addAndGet(Duration.ofSeconds(1).toMillis());
      assertEquals(200, signIn(http, port, ConsoleTestNode.ADMIN_PW).statusCode());
      http.close();
    } finally {
      vertx.close().await();
    }
  }
}
