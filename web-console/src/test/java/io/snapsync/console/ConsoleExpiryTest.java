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

/** A sign-in ends after {@code sessionIdleMinutes} of inactivity (node clock), with its SQL sessions. */
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

  @Test
  void idleSignInExpires() {
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
      http.close();
    } finally {
      vertx.close().await();
    }
  }
}
