package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.plugins.pgwire.impl.codec.ProtocolException;
import io.vertx.core.Vertx;

/**
 * What one connection holds until it has a session, and after: a start-up slot of the
 * {@link ConnectionGate} with its {@code authentication_timeout} timer, a place in the
 * {@link LoginThrottle} while its password is checked, then a session slot. Every slot taken
 * is given back exactly once ({@link #closed}). Confined to the connection's event loop.
 */
final class Admission {

  private final ServerContext server;
  private final Vertx vertx;
  private final ConnectionLimits limits;
  private final String address;
  private boolean startSlot;
  private boolean tooMany;
  private String loginUser;
  private boolean sessionSlot;
  private long timer = -1;

  Admission(ServerContext server, Vertx vertx, String address) {
    this.server = server;
    this.vertx = vertx;
    this.limits = server.limits().get();
    this.address = address;
  }

  ConnectionLimits limits() {
    return limits;
  }

  /**
   * Takes a start-up slot and starts the timer; false when twice {@code max_connections}
   * connections are already starting (the connection is then closed without a word).
   */
  boolean enter(Runnable onTimeout) {
    int starting = server.gate().tryStart(2 * limits.maxConnections());
    if (starting == 0) {
      return false;
    }
    startSlot = true;
    // as PostgreSQL's postmaster: refused with 53300 once the start-up packet came
    tooMany = starting > limits.maxConnections();
    timer = vertx.setTimer(limits.authenticationTimeoutMillis(), id -> {
      timer = -1;
      onTimeout.run();
    });
    return true;
  }

  /** At the start-up packet of {@code user}: 53300 if too many start, 28P01 if throttled. */
  void beginLogin(String user) {
    if (tooMany) {
      throw refusal(ConnectionGate.TOO_MANY);
    }
    LoginThrottle.Verdict verdict = server.throttle().begin(user, address);
    if (!verdict.allowed()) {
      throw new ProtocolException(SqlState.INVALID_PASSWORD, true, "harden.login_throttled",
          user, Math.max(1, (verdict.retryAfterMillis() + 999) / 1000));
    }
    loginUser = user;
  }

  /** Authenticated: trades the start-up slot for a session slot, or throws 53300. */
  void openSession(String user) {
    startEnded();
    String refused = server.gate().tryOpen(limits,
        server.users().roles(user).contains(Roles.SYSADMIN));
    if (refused != null) {
      throw refusal(refused);
    }
    sessionSlot = true;
    loginUser = null;
    server.throttle().succeeded(user, address);
  }

  /** The login ended without a session: a failure if {@code e} says the password was wrong. */
  void endLogin(SnapsyncException e) {
    if (loginUser != null) {
      if (e != null && SqlState.INVALID_PASSWORD.equals(e.sqlState())) {
        server.throttle().failed(loginUser, address);
      } else {
        server.throttle().abandoned(loginUser, address);
      }
      loginUser = null;
    }
  }

  /** The connection closed: gives back whatever it still holds. */
  void closed() {
    endLogin(null);
    startEnded();
    if (sessionSlot) {
      sessionSlot = false;
      server.gate().sessionEnded();
    }
  }

  private void startEnded() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (startSlot) {
      startSlot = false;
      server.gate().startEnded();
    }
  }

  private static SnapsyncException refusal(String messageId) {
    return new SnapsyncException(SqlState.TOO_MANY_CONNECTIONS, Severity.FATAL,
        Message.of(messageId), null, null, 0,
        null);
  }
}
