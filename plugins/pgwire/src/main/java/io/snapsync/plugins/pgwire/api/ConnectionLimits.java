package io.snapsync.plugins.pgwire.api;

/**
 * PostgreSQL's connection limits as the listener applies them: {@code authentication_timeout}
 * (a connection that has not finished start-up and authentication by then is closed),
 * {@code max_connections} (sessions, and separately connections still starting) and
 * {@code superuser_reserved_connections} (session slots only SYSADMIN may take).
 *
 * @param authenticationTimeoutMillis time from accept to the end of authentication
 * @param maxConnections largest number of sessions, and of connections still starting
 * @param reservedConnections the last slots of {@code maxConnections}, for SYSADMIN only
 */
public record ConnectionLimits(long authenticationTimeoutMillis, int maxConnections,
    int reservedConnections) {

  public static final long DEFAULT_AUTHENTICATION_TIMEOUT_MILLIS = 60_000;
  public static final int DEFAULT_MAX_CONNECTIONS = 100;
  public static final int DEFAULT_RESERVED_CONNECTIONS = 3;

  public ConnectionLimits {
    if (authenticationTimeoutMillis < 1 || maxConnections < 1 || reservedConnections < 0
        || reservedConnections >= maxConnections) {
      throw new IllegalArgumentException("invalid connection limits: authentication_timeout "
          + authenticationTimeoutMillis + " ms, max_connections " + maxConnections
          + ", superuser_reserved_connections " + reservedConnections);
    }
  }

  /** PostgreSQL's defaults: 60 s, 100 connections, 3 reserved. */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(DEFAULT_AUTHENTICATION_TIMEOUT_MILLIS, DEFAULT_MAX_CONNECTIONS,
        DEFAULT_RESERVED_CONNECTIONS);
  }
}
