package io.snapsync.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The node's password-guessing limits, per user and per address, on an injected clock. */
class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoginThrottle throttle = LoginThrottle.defaults(clock);

  private void fail(String user, String address) {
    assertTrue(throttle.begin(user, address).allowed());
    throttle.failed(user, address);
  }

  private int concurrentAdmissions(String user, String address, int attempts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<java.util.concurrent.Future<Boolean>> all = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        all.add(pool.submit(() -> {
          go.await();
          return throttle.begin(user, address).allowed();
        }));
      }
      go.countDown();
      int allowed = 0;
      for (java.util.concurrent.Future<Boolean> f : all) {
        allowed += f.get() ? 1 : 0;
      }
      return allowed;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sixtyConcurrentGuessesOfAFreshUserGetOnlyTheLimit() throws Exception {
    assertEquals(5, concurrentAdmissions("alice", "10.0.0.9", 60));
  }

  @Test
  void concurrentRightPasswordsOfAFreshUserWaitTheirTurnInsteadOfFailing() {
    List<io.vertx.core.Promise<String>> checks = new ArrayList<>();
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      results.add(throttle.guard("pool2", "10.0.2.2", () -> {
        io.vertx.core.Promise<String> p = io.vertx.core.Promise.promise();
        checks.add(p);
        return p.future();
      }));
    }
    assertEquals(5, checks.size(), "no more than the limit checked at once at first");
    for (int done = 0; done < checks.size(); done++) {
      checks.get(done).complete("pool2");
    }
    assertEquals(500, checks.size());
    results.forEach(r -> assertEquals("pool2", r.result()));
  }

  @Test
  void waitingGuessesAreRefusedOnceTheFirstOnesFailed() {
    List<io.vertx.core.Promise<String>> checks = new ArrayList<>();
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      results.add(throttle.guard("mallory", "10.0.3.3", () -> {
        io.vertx.core.Promise<String> p = io.vertx.core.Promise.promise();
        checks.add(p);
        return p.future();
      }));
    }
    for (int done = 0; done < checks.size(); done++) {
      checks.get(done).fail(SnapsyncException.error(SqlState.INVALID_PASSWORD, "internal.error",
          "x"));
    }
    assertEquals(5, checks.size(), "only five passwords were judged");
    long refused = results.stream().filter(r -> r.cause() instanceof SnapsyncException e
        && LoginThrottle.THROTTLED.equals(e.message().id())).count();
    assertEquals(55, refused);
  }

  @Test
  void aUserThatSignedInMayOpenAPoolAtOnce() throws Exception {
    assertTrue(throttle.begin("pool", "10.0.1.1").allowed());
    throttle.succeeded("pool", "10.0.1.1");
    assertEquals(LoginThrottle.CLEAN_BURST, concurrentAdmissions("pool", "10.0.1.1", 80));
  }

  @Test
  void fiveWrongPasswordsBlockTheUserWithADoublingBackoff() {
    for (int i = 0; i < 5; i++) {
      fail("bob", "10.0.0.1");
    }
    LoginThrottle.Verdict v = throttle.begin("bob", "10.0.0.2");
    assertFalse(v.allowed());
    assertEquals(1000, v.retryAfterMillis());
    clock.advance(Duration.ofSeconds(1));
    fail("bob", "10.0.0.3");
    assertEquals(2000, throttle.begin("bob", "10.0.0.3").retryAfterMillis());
    clock.advance(Duration.ofSeconds(2));
    assertTrue(throttle.begin("bob", "10.0.0.3").allowed());
    throttle.succeeded("bob", "10.0.0.3");
    assertTrue(throttle.begin("bob", "10.0.0.3").allowed());
  }

  @Test
  void anotherUsersSuccessFromTheSameAddressForgivesNothing() {
    for (int i = 0; i < 5; i++) {
      fail("carol", "10.0.0.5");
    }
    assertTrue(throttle.begin("dave", "10.0.0.5").allowed());
    throttle.succeeded("dave", "10.0.0.5");
    assertFalse(throttle.begin("carol", "10.0.0.5").allowed());
  }

  @Test
  void oneAddressGuessingManyUsersIsBlocked() {
    for (int i = 0; i < 30; i++) {
      fail("user" + i, "10.0.0.7");
    }
    assertFalse(throttle.begin("someone-else", "10.0.0.7").allowed());
    assertTrue(throttle.begin("someone-else", "10.0.0.8").allowed());
  }

  @Test
  void guardCountsOnlyWrongPasswordsAndRefusesWith28P01() {
    for (int i = 0; i < 20; i++) {
      throttle.guard("erin", "10.0.0.6", () -> Future.failedFuture(
          SnapsyncException.error(SqlState.INTERNAL_ERROR, "internal.error", "x")));
    }
    assertTrue(throttle.begin("erin", "10.0.0.6").allowed(), "other failures are not guesses");
    throttle.abandoned("erin", "10.0.0.6");
    for (int i = 0; i < 5; i++) {
      throttle.guard("erin", "10.0.0.6", () -> Future.failedFuture(
          SnapsyncException.error(SqlState.INVALID_PASSWORD, "internal.error", "x")));
    }
    boolean[] ran = {false};
    Future<String> refused = throttle.guard("erin", "10.0.0.6", () -> {
      ran[0] = true;
      return Future.succeededFuture("erin");
    });
    assertFalse(ran[0]);
    SnapsyncException e = (SnapsyncException) refused.cause();
    assertEquals("28P01", e.sqlState());
    assertEquals(LoginThrottle.THROTTLED, e.message().id());
  }
}
