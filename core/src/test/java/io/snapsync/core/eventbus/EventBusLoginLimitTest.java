package io.snapsync.core.eventbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.login.LoginThrottle;
import io.snapsync.core.node.Node;
import io.snapsync.core.testing.MutableClock;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 "brute force": event-bus {@code open} is limited per user and per address. */
class EventBusLoginLimitTest {

  @TempDir
  static Path dir;
  static MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  static Node node;
  static SnapsyncClient client;

  @BeforeAll
  static void start() {
    node = TestNodes.start(dir, new JsonObject(), clock);
    client = TestNodes.client(node);
  }

  @AfterAll
  static void stop() {
    node.close().await();
  }

  private static SnapsyncClient.ApiException failure(Future<?> f) {
    f.transform(ar -> Future.succeededFuture()).await();
    return assertInstanceOf(SnapsyncClient.ApiException.class, f.cause());
  }

  @Test
  void threeHundredConcurrentWrongPasswordsGetOnlyFiveJudged() {
    List<Future<SnapsyncClient.ClientSession>> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(client.open(null, TestNodes.ADMIN, "wrong-" + i, null));
    }
    Future.join(all).transform(ar -> Future.succeededFuture()).await();
    int judged = 0;
    for (Future<SnapsyncClient.ClientSession> f : all) {
      SnapsyncClient.ApiException e = failure(f);
      assertEquals(ApiErrors.UNAUTHORIZED, e.code());
      assertEquals("28P01", e.sqlState());
      judged += LoginThrottle.THROTTLED.equals(e.json().getString("messageId")) ? 0 : 1;
    }
    assertTrue(judged <= 5, judged + " passwords were judged");
    SnapsyncClient.ApiException refused = failure(
        client.open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null));
    assertEquals(LoginThrottle.THROTTLED, refused.json().getString("messageId"));
    assertEquals("too many failed login attempts for user \"admin\" or from this address; "
        + "try again in 1 seconds", refused.getMessage());
    clock.advance(Duration.ofSeconds(1));
    client.open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null).await().close().await();
  }
}
