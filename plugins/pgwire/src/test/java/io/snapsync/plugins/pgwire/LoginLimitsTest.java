package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.plugins.pgwire.api.LoginLimits;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.ManualClock;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.RawClient.Msg;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Password guessing over the PostgreSQL protocol: after one wrong password, 60 concurrent
 * wrong passwords get at most four more password checks, the rest and then the right password get FATAL 28P01 "too many failed
 * login attempts" until the back-off (on an injected clock) has passed; another user is still
 * served meanwhile.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoginLimitsTest {

  private final ManualClock clock = new ManualClock(System.currentTimeMillis());
  private SnapsyncFixture node;

  @BeforeEach
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-logins"),
        new PgWireOptions("127.0.0.1", 0, PgWireOptions.PASSWORD, 1 << 20),
        ConnectionLimits.defaults(), LoginLimits.defaults(), clock);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  /** Logs in as {@code user}; returns the FATAL that ended it, or null when it succeeded. */
  private Msg attempt(String user, String password) throws Exception {
    try (RawClient c = new RawClient(node.port())) {
      c.startup(3, 0, Map.of("user", user, "database", "snapsync"));
      Msg m = c.read();
      if (m.type() == 'E') {
        return m;
      }
      c.send('p', RawClient.cstr(password));
      while (true) {
        m = c.read();
        if (m.type() == 'E') {
          return m;
        }
        if (m.type() == 'Z') {
          return null;
        }
      }
    }
  }

  @Test
  void concurrentWrongPasswordsAreLimitedPerUserWithABackoff() throws Exception {
    Msg first = attempt(SnapsyncFixture.ADMIN, "wrong");
    assertEquals("password authentication failed for user \"admin\"", first.fields().get('M'));
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Msg> results = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Msg>> all = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        all.add(pool.submit(() -> {
          go.await();
          return attempt(SnapsyncFixture.ADMIN, "wrong");
        }));
      }
      go.countDown();
      for (Future<Msg> f : all) {
        results.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    int checked = 0;
    for (Msg m : results) {
      assertNotNull(m);
      assertEquals("28P01", m.fields().get('C'), m.fields().toString());
      assertEquals("FATAL", m.fields().get('V'));
      if (m.fields().get('M').startsWith("password authentication failed")) {
        checked++;
      } else {
        assertTrue(m.fields().get('M').startsWith("too many failed login attempts for user"
            + " \"admin\""), m.fields().toString());
      }
    }
    // after a failure, attempts in flight count: at most 4 more passwords are checked
    assertTrue(checked <= 4 && checked >= 1, "password checks: " + checked);
    if (checked == 4) {
      Msg blocked = attempt(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
      assertNotNull(blocked, "the right password during the back-off");
      assertTrue(blocked.fields().get('M').startsWith("too many failed login attempts"));
    }
    // another user from the same address is served, and does not forgive admin's failures
    assertEquals(null, attempt(SnapsyncFixture.USER, SnapsyncFixture.USER_PASSWORD));
    clock.advance(65_000);
    assertEquals(null, attempt(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD));
  }

  @Test
  void wrongPasswordsOnAnotherWayInCountOnThePostgresProtocol() {
    // the node's one throttle, as the event bus's open and the console's sign-in use it
    io.snapsync.core.login.LoginThrottle shared = node.services.service(
        io.snapsync.core.login.LoginThrottle.class).orElseThrow();
    for (int i = 0; i < 5; i++) {
      Throwable t = shared.guard(SnapsyncFixture.ADMIN, "10.9.9.9", () -> io.vertx.core.Future
          .failedFuture(io.snapsync.core.error.SnapsyncException.error("28P01",
              "security.auth_failed", SnapsyncFixture.ADMIN))).cause();
      assertNotNull(t);
    }
    Msg refused = attemptUnchecked(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    assertNotNull(refused, "the right password while the user is throttled elsewhere");
    assertEquals("28P01", refused.fields().get('C'));
    assertTrue(refused.fields().get('M').startsWith("too many failed login attempts for user"
        + " \"admin\""), refused.fields().toString());
    clock.advance(65_000);
    assertEquals(null, attemptUnchecked(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD));
  }

  private Msg attemptUnchecked(String user, String password) {
    try {
      return attempt(user, password);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
