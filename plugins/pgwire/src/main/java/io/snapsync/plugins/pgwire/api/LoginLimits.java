package io.snapsync.plugins.pgwire.api;

/**
 * Limits on password guessing over the PostgreSQL protocol: after {@code perUser} failed
 * logins of one user, or {@code perAddress} from one client address, further attempts get
 * FATAL 28P01 for a back-off starting at {@code backoffMillis} and doubling with each further
 * failure (at most 64 times). A successful login clears its user's failures and gives back its
 * own attempt to the address (never another user's failures).
 *
 * @param perUser failures of one user before the back-off
 * @param perAddress failures from one address before the back-off
 * @param backoffMillis the first back-off
 */
public record LoginLimits(int perUser, int perAddress, long backoffMillis) {

  public LoginLimits {
    if (perUser < 1 || perAddress < 1 || backoffMillis < 1) {
      throw new IllegalArgumentException("invalid login limits: " + perUser + ", " + perAddress
          + ", " + backoffMillis);
    }
  }

  /** 5 failures per user, 30 per address, 1 s back-off doubling up to 64 s. */
  public static LoginLimits defaults() {
    return new LoginLimits(5, 30, 1000);
  }
}
