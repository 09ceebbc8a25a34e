package io.snapsync.plugins.pgwire.impl;

import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts a listener's connections against {@link ConnectionLimits}: those still in start-up or
 * authentication (beyond {@code max_connections} of them a new one is refused with 53300 once
 * its start-up packet came, as PostgreSQL's postmaster does, and beyond twice that it is closed
 * at once, so silent sockets cannot use up the node's file descriptors) and those with a session ({@code max_connections}, the last
 * {@code superuser_reserved_connections} for SYSADMIN). Thread-safe (shared by the listener's
 * event loops); every successful {@code tryStart}/{@code tryOpen} is undone exactly once.
 */
final class ConnectionGate {

  /** Why a session slot was refused: a message id of the pgwire catalog, or null if granted. */
  static final String TOO_MANY = "harden.too_many_clients";
  static final String RESERVED = "harden.reserved_slots";

  private final AtomicInteger starting = new AtomicInteger();
  private final AtomicInteger sessions = new AtomicInteger();

  /**
   * Takes a start-up slot unless {@code cap} connections are already starting; returns how many
   * are starting with this one, or 0 when refused.
   */
  int tryStart(int cap) {
    while (true) {
      int n = starting.get();
      if (n >= cap) {
        return 0;
      }
      if (starting.compareAndSet(n, n + 1)) {
        return n + 1;
      }
    }
  }

  void startEnded() {
    starting.decrementAndGet();
  }

  /** Takes a session slot; null when granted, else the message id of the refusal. */
  String tryOpen(ConnectionLimits limits, boolean superuser) {
    int ordinary = limits.maxConnections() - limits.reservedConnections();
    while (true) {
      int n = sessions.get();
      if (n >= limits.maxConnections()) {
        return TOO_MANY;
      }
      if (n >= ordinary && !superuser) {
        return RESERVED;
      }
      if (sessions.compareAndSet(n, n + 1)) {
        return null;
      }
    }
  }

  void sessionEnded() {
    sessions.decrementAndGet();
  }

  int sessions() {
    return sessions.get();
  }

  int starting() {
    return starting.get();
  }

}
