package io.snapsync.plugins.pgwire.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.support.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Password-guessing limits per user and per address, with an injected clock. */
class LoginThrottleTest {

  private final ManualClock clock = new ManualClock(1_000_000);
  private final LoginThrottle throttle = new LoginThrottle(clock, 5, 30, 1000, 900_000);

  private void fail(String user, String address) {
    assertTrue(throttle.begin(user, address).allowed());
    throttle.failed(user, address);
  }

  @Test
  void fiveWrongPasswordsBlockTheUserWithADoublingBackoff() {
    for (int i = 0; i < 5; i++) {
      fail("bob", "10.0.0.1");
    }
    LoginThrottle.Verdict v = throttle.begin("bob", "10.0.0.2");
    assertFalse(v.allowed());
    assertEquals(1000, v.retryAfterMillis());
    clock.advance(1000);
    fail("bob", "10.0.0.3");
    assertEquals(2000, throttle.begin("bob", "10.0.0.3").retryAfterMillis());
    clock.advance(2000);
    assertTrue(throttle.begin("bob", "10.0.0.3").allowed());
    throttle.succeeded("bob", "10.0.0.3");
    assertTrue(throttle.begin("bob", "10.0.0.3").allowed());
  }

  @Test
  void concurrentAttemptsCannotSlipPastTheLimit() throws Exception {
    fail("alice", "10.0.0.9");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> all = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        all.add(pool.submit(() -> {
          go.await();
          return throttle.begin("alice", "10.0.0.9").allowed();
        }));
      }
      go.countDown();
      int allowed = 0;
      for (Future<Boolean> f : all) {
        allowed += f.get() ? 1 : 0;
      }
      assertEquals(4, allowed);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPoolMayOpenItsConnectionsAtOnceButNotMoreThanTheBurst() {
    for (int i = 0; i < LoginThrottle.CLEAN_BURST; i++) {
      assertTrue(throttle.begin("pool", "10.0.1." + i).allowed());
    }
    assertFalse(throttle.begin("pool", "10.0.2.1").allowed());
  }

  @Test
  void anotherUsersSuccessFromTheSameAddressDoesNotForgiveFailures() {
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
  void abandonedAttemptsAreNotFailures() {
    for (int i = 0; i < 20; i++) {
      assertTrue(throttle.begin("erin", "10.0.0.6").allowed());
      throttle.abandoned("erin", "10.0.0.6");
    }
    assertTrue(throttle.begin("erin", "10.0.0.6").allowed());
  }
}
