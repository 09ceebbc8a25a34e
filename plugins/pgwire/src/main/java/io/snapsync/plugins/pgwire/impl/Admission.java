package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.plugins.pgwire.impl.codec.ProtocolException;
import io.snapsync.core.login.LoginThrottle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * What one connection holds until it has a session, and after: a start-up slot of the
 * {@link ConnectionGate} with its {@code authentication_timeout} timer, a place in the node's
 * {@link LoginThrottle} (the one every login path shares) while its password is checked, then
 * a session slot. Every slot taken is given back exactly once ({@link #closed}). Confined to
 * the connection's event loop.
 */
final class Admission {

  private final ServerContext server;
  private final Vertx vertx;
  private final ConnectionLimits limits;
  private final String address;
  private boolean startSlot;
  private boolean tooMany;
  private String loginUser;
  /** The outcome of the password check the throttle waits for (null outside a login). */
  private Promise<Void> judged;
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

  /**
   * At the start-up packet of {@code user}: 53300 if too many start; else completes when the
   * throttle lets the password check begin (an attempt of a user or address with others being
   * checked waits its turn) or fails with 28P01 when it refuses it (too many failures).
   */
  Future<Void> beginLogin(String user) {
    if (tooMany) {
      throw refusal(ConnectionGate.TOO_MANY);
    }
    Promise<Void> started = Promise.promise();
    Promise<Void> outcome = Promise.promise();
    judged = outcome;
    loginUser = user;
    server.throttle().guard(user, address, () -> {
      started.tryComplete();
      return outcome.future();
    }).onFailure(e -> {
      if (started.tryFail(e)) {
        loginUser = null;
        judged = null;
      }
    });
    return started.future();
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
    if (judged != null) {
      judged.tryComplete();
      judged = null;
    }
  }

  /** The login ended without a session: a failure if {@code e} says the password was wrong. */
  void endLogin(SnapsyncException e) {
    if (loginUser != null && judged != null) {
      // a 28P01 counts as a failure; anything else (or none: closed) abandons the attempt
      judged.tryFail(e != null ? e : SnapsyncException.error(SqlState.CONNECTION_FAILURE,
          "harden.login_ended"));
    }
    loginUser = null;
    judged = null;
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
