package io.snapsync.core.login;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Limits password guessing per user and per client address, one instance per node shared by
 * every way in that takes a password (the console's sign-in, the event-bus {@code open}).
 *
 * <p>An attempt holds a place while its password is checked, and places in flight count
 * against the limit, so that concurrent guesses cannot slip past it. Only a key that has seen
 * a success and no failure since (a pool that signed in once) may have up to
 * {@value #CLEAN_BURST} attempts in flight, so a pool may open its sessions at once. Only a password
 * found wrong (28P01) counts as a failure. A success clears its own user's failures and frees
 * its place at the address, never another user's failures. A key with {@code maxFailures}
 * failures is refused for a back-off that doubles with each further failure (from
 * {@code baseBackoffMillis} up to 64 times that), then allows one attempt at a time; counts
 * are forgotten after {@code forgetMillis} without attempts.
 *
 * <p>Thread-safe: every change is atomic per key.
 */
public final class LoginThrottle {

  /** Message id of the refusal (28P01 with the user and the seconds to wait). */
  public static final String THROTTLED = "harden.login_limited";

  /** Attempts in flight allowed for a key with a success and no failures since. */
  public static final int CLEAN_BURST = 64;

  private record Entry(int failures, int inFlight, long blockedUntil, long lastAttempt,
      boolean trusted) {
  }

  /**
   * Whether an attempt may go on; for a refused one, how long it should wait, whether it was
   * refused only because other attempts of its key are still being checked ({@code busy}: it
   * may wait its turn), and that key.
   */
  public record Verdict(boolean allowed, long retryAfterMillis, boolean busy, String key) {
  }

  /** An attempt waiting for a place (see {@link #guard}). */
  private final class Waiter {
    final String user;
    final String address;
    final Runnable start;
    final java.util.function.Consumer<Verdict> refuse;
    final java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();

    Waiter(String user, String address, Runnable start,
        java.util.function.Consumer<Verdict> refuse) {
      this.user = user;
      this.address = address;
      this.start = start;
      this.refuse = refuse;
    }
  }

  /** Attempts waiting per key, at most this many each (beyond, they are refused). */
  static final int MAX_WAITING = 10_000;

  private final Clock clock;
  private final int maxUserFailures;
  private final int maxAddressFailures;
  private final long baseBackoffMillis;
  private final long forgetMillis;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, java.util.concurrent.BlockingQueue<Waiter>> waiting =
      new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, int maxUserFailures, int maxAddressFailures,
      long baseBackoffMillis, long forgetMillis) {
    this.clock = clock;
    this.maxUserFailures = maxUserFailures;
    this.maxAddressFailures = maxAddressFailures;
    this.baseBackoffMillis = baseBackoffMillis;
    this.forgetMillis = forgetMillis;
  }

  /** The node default: 5 failures per user, 30 per address, 1 s back-off, forgotten in 15 min. */
  public static LoginThrottle defaults(Clock clock) {
    return new LoginThrottle(clock, 5, 30, 1000, 15 * 60_000);
  }

  /**
   * Runs {@code attempt} (a password check) under the limit. An attempt refused only because
   * others of its user or address are being checked waits its turn (a pool opening many
   * sessions at once gets them all); one refused for failures fails with 28P01
   * {@link #THROTTLED} without running. The outcome is recorded: a 28P01 failure counts, other
   * failures do not. The attempt may be started on the thread that completes an earlier one.
   */
  public <T> Future<T> guard(String user, String address, Supplier<Future<T>> attempt) {
    io.vertx.core.Promise<T> result = io.vertx.core.Promise.promise();
    Waiter w = new Waiter(user, address, () -> run(user, address, attempt, result),
        v -> result.tryFail(refusal(user, v)));
    String key = tryStart(w);
    if (key != null) {
      park(key, w);
    }
    return result.future();
  }

  private <T> void run(String user, String address, Supplier<Future<T>> attempt,
      io.vertx.core.Promise<T> result) {
    Future<T> f;
    try {
      f = attempt.get();
    } catch (RuntimeException e) {
      abandoned(user, address);
      drain("u:" + user);
      drain("a:" + address);
      result.tryFail(e);
      return;
    }
    f.onComplete(ar -> {
      if (ar.succeeded()) {
        succeeded(user, address);
      } else if (ar.cause() instanceof SnapsyncException e
          && SqlState.INVALID_PASSWORD.equals(e.sqlState())) {
        failed(user, address);
      } else {
        abandoned(user, address);
      }
      drain("u:" + user);
      drain("a:" + address);
      result.handle(ar);
    });
  }

  /** Starts or refuses {@code w}; returns the key it must wait for, or null when done. */
  private String tryStart(Waiter w) {
    if (w.done.get()) {
      return null;
    }
    Verdict v = begin(w.user, w.address);
    if (v.allowed()) {
      if (w.done.compareAndSet(false, true)) {
        w.start.run();
      } else {
        abandoned(w.user, w.address);
      }
      return null;
    }
    if (!v.busy()) {
      if (w.done.compareAndSet(false, true)) {
        w.refuse.accept(v);
      }
      return null;
    }
    return v.key();
  }

  private void park(String key, Waiter w) {
    if (!waiting.computeIfAbsent(key, k -> new java.util.concurrent.LinkedBlockingQueue<>(
        MAX_WAITING)).offer(w)) {
      if (w.done.compareAndSet(false, true)) {
        w.refuse.accept(new Verdict(false, baseBackoffMillis, false, key));
      }
      return;
    }
    // the attempt it waits for may have ended meanwhile
    drain(key);
  }

  /** Starts the waiters of {@code key} in order while there is room. */
  private void drain(String key) {
    java.util.concurrent.BlockingQueue<Waiter> q = waiting.get(key);
    if (q == null) {
      return;
    }
    Waiter w;
    while ((w = q.peek()) != null) {
      String again = tryStart(w);
      if (again == null) {
        q.remove(w);
      } else if (!again.equals(key)) {
        q.remove(w);
        park(again, w);
      } else {
        return;
      }
    }
  }

  /** The error of a refused attempt. */
  public static SnapsyncException refusal(String user, Verdict v) {
    return SnapsyncException.error(SqlState.INVALID_PASSWORD, THROTTLED, user,
        Math.max(1, (v.retryAfterMillis() + 999) / 1000));
  }

  /** Begins an attempt; when allowed, exactly one of the three outcomes below must follow. */
  public Verdict begin(String user, String address) {
    Verdict a = enter("a:" + address, maxAddressFailures);
    if (!a.allowed()) {
      return a;
    }
    Verdict u = enter("u:" + user, maxUserFailures);
    if (!u.allowed()) {
      leave("a:" + address, false);
    }
    return u;
  }

  /** The password was wrong. */
  public void failed(String user, String address) {
    leave("u:" + user, true);
    leave("a:" + address, true);
  }

  /** The attempt ended before a password was judged (malformed, closed, timed out). */
  public void abandoned(String user, String address) {
    leave("u:" + user, false);
    leave("a:" + address, false);
  }

  /** The login succeeded. */
  public void succeeded(String user, String address) {
    long now = clock.millis();
    entries.compute("u:" + user, (k, e) -> new Entry(0,
        e == null ? 0 : Math.max(0, e.inFlight() - 1), 0, now, true));
    entries.computeIfPresent("a:" + address, (k, e) -> new Entry(e.failures(),
        Math.max(0, e.inFlight() - 1), e.blockedUntil(), now, e.failures() == 0));
  }

  private Verdict enter(String key, int max) {
    long now = clock.millis();
    long[] wait = {0};
    boolean[] busy = {false};
    entries.compute(key, (k, old) -> {
      Entry e = old == null || old.inFlight() == 0 && now - old.lastAttempt() > forgetMillis
          ? new Entry(0, 0, 0, now, false) : old;
      boolean open = now >= e.blockedUntil() && (e.failures() + e.inFlight() < max
          || e.trusted() && e.failures() == 0 && e.inFlight() < CLEAN_BURST
          || e.failures() >= max && e.inFlight() == 0);
      if (!open) {
        wait[0] = Math.max(e.blockedUntil() - now, baseBackoffMillis);
        busy[0] = now >= e.blockedUntil() && e.inFlight() > 0;
        return e;
      }
      return new Entry(e.failures(), e.inFlight() + 1, e.blockedUntil(), now, e.trusted());
    });
    return new Verdict(wait[0] == 0, wait[0], busy[0], key);
  }

  private void leave(String key, boolean failure) {
    long now = clock.millis();
    int max = key.startsWith("u:") ? maxUserFailures : maxAddressFailures;
    entries.computeIfPresent(key, (k, e) -> {
      int inFlight = Math.max(0, e.inFlight() - 1);
      int failures = e.failures() + (failure ? 1 : 0);
      if (failures == 0 && inFlight == 0 && !e.trusted()) {
        return null;
      }
      long blocked = failure && failures >= max
          ? now + baseBackoffMillis * (1L << Math.min(6, failures - max)) : e.blockedUntil();
      return new Entry(failures, inFlight, blocked, now, e.trusted());
    });
  }
}
