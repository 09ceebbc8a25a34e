package io.snapsync.plugins.pgwire.impl;

import io.snapsync.plugins.pgwire.api.LoginLimits;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing on the PostgreSQL protocol, per user and per client address. An
 * attempt holds a place while its password is being checked, and attempts in flight count
 * against the limit (beyond a burst of {@value #CLEAN_BURST} for a key without failures, so a
 * pool may open its connections at once), so concurrent guesses cannot slip past it by more
 * than that burst once; only a password found wrong
 * counts as a failure. A successful login clears its user's failures and frees its own place
 * at the address, never another user's failures. Once a key has {@code maxFailures} failures it
 * is refused for a back-off that doubles with each further failure (from
 * {@code baseBackoffMillis} up to 64 times that), then allows one attempt at a time; counts are
 * forgotten after {@code forgetMillis} without attempts. Thread-safe (atomic per key).
 */
final class LoginThrottle {

  private record Entry(int failures, int inFlight, long blockedUntil, long lastAttempt) {
  }

  /** Whether an attempt may go on, and for how long a refused one should wait. */
  record Verdict(boolean allowed, long retryAfterMillis) {
  }

  /**
   * Attempts in flight allowed for a key without failures (a connection pool opening at once);
   * after the first failure the limit counts them as failures.
   */
  static final int CLEAN_BURST = 64;

  private final Clock clock;
  private final int maxUserFailures;
  private final int maxAddressFailures;
  private final long baseBackoffMillis;
  private final long forgetMillis;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock, int maxUserFailures, int maxAddressFailures,
      long baseBackoffMillis, long forgetMillis) {
    this.clock = clock;
    this.maxUserFailures = maxUserFailures;
    this.maxAddressFailures = maxAddressFailures;
    this.baseBackoffMillis = baseBackoffMillis;
    this.forgetMillis = forgetMillis;
  }

  /** A throttle applying {@code limits}; counts are forgotten after 15 idle minutes. */
  static LoginThrottle of(LoginLimits limits, Clock clock) {
    return new LoginThrottle(clock, limits.perUser(), limits.perAddress(),
        limits.backoffMillis(), 15 * 60_000);
  }

  /** Begins an attempt; when allowed, exactly one of the three outcomes below must follow. */
  Verdict begin(String user, String address) {
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
  void failed(String user, String address) {
    leave("u:" + user, true);
    leave("a:" + address, true);
  }

  /** The attempt ended before a password was judged (malformed, closed, timed out). */
  void abandoned(String user, String address) {
    leave("u:" + user, false);
    leave("a:" + address, false);
  }

  /** The login succeeded. */
  void succeeded(String user, String address) {
    entries.remove("u:" + user);
    leave("a:" + address, false);
  }

  private Verdict enter(String key, int max) {
    long now = clock.millis();
    long[] wait = {0};
    entries.compute(key, (k, old) -> {
      Entry e = old == null || old.inFlight() == 0 && now - old.lastAttempt() > forgetMillis
          ? new Entry(0, 0, 0, now) : old;
      boolean open = now >= e.blockedUntil() && (e.failures() + e.inFlight() < max
          || e.failures() == 0 && e.inFlight() < CLEAN_BURST
          || e.failures() >= max && e.inFlight() == 0);
      if (!open) {
        wait[0] = Math.max(e.blockedUntil() - now, baseBackoffMillis);
        return e;
      }
      return new Entry(e.failures(), e.inFlight() + 1, e.blockedUntil(), now);
    });
    return new Verdict(wait[0] == 0, wait[0]);
  }

  private void leave(String key, boolean failure) {
    long now = clock.millis();
    int max = key.startsWith("u:") ? maxUserFailures : maxAddressFailures;
    entries.computeIfPresent(key, (k, e) -> {
      int inFlight = Math.max(0, e.inFlight() - 1);
      int failures = e.failures() + (failure ? 1 : 0);
      if (failures == 0 && inFlight == 0) {
        return null;
      }
      long blocked = failure && failures >= max
          ? now + baseBackoffMillis * (1L << Math.min(6, failures - max)) : e.blockedUntil();
      return new Entry(failures, inFlight, blocked, now);
    });
  }
}
