package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.session.SessionManager;
import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.core.login.LoginThrottle;
import io.snapsync.plugins.pgwire.api.LoginLimits;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.api.PgWireServer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Deploys {@link PgWireOptions#listenerCount()} listener verticles sharing one port (Vert.x
 * hands accepted connections to them in turn, so each serves its connections on its own event
 * loop) and undeploys them on {@link #close}. What they share ({@link ServerContext}) is
 * thread-safe.
 */
public final class PgWireServerImpl implements PgWireServer {

  /** The server_version reported to clients: PostgreSQL 15 protocol and catalog behaviour. */
  public static final String SERVER_VERSION = "15.0 (snapsync)";

  private final Vertx vertx;
  private final ServerContext ctx;
  private final java.util.List<PgServerVerticle> listeners = new java.util.ArrayList<>();
  private volatile String deploymentId;

  private PgWireServerImpl(Vertx vertx, ServerContext ctx) {
    this.vertx = vertx;
    this.ctx = ctx;
  }

  /** Starts a listener with PostgreSQL's default connection limits. */
  public static Future<PgWireServer> start(Vertx vertx, PgWireOptions options,
      MessageCatalog catalog, UserDirectory users, Optional<SessionManager> sessions) {
    return start(vertx, options, catalog, users, sessions, ConnectionLimits::defaults);
  }

  /**
   * Starts a listener; the future completes once it is bound. {@code limits} is asked at each
   * new connection (so a changed setting applies to the next one).
   */
  public static Future<PgWireServer> start(Vertx vertx, PgWireOptions options,
      MessageCatalog catalog, UserDirectory users, Optional<SessionManager> sessions,
      Supplier<ConnectionLimits> limits) {
    return start(vertx, options, catalog, users, sessions, limits, LoginLimits.defaults(),
        java.time.Clock.systemUTC());
  }

  /** As above, with {@code logins} limiting password guessing, timed by {@code clock}. */
  public static Future<PgWireServer> start(Vertx vertx, PgWireOptions options,
      MessageCatalog catalog, UserDirectory users, Optional<SessionManager> sessions,
      Supplier<ConnectionLimits> limits, LoginLimits logins, java.time.Clock clock) {
    return start(vertx, options, catalog, users, sessions, limits, throttle(logins, clock));
  }

  /** A throttle applying {@code logins}; counts are forgotten after 15 idle minutes. */
  public static LoginThrottle throttle(LoginLimits logins, java.time.Clock clock) {
    return new LoginThrottle(clock, logins.perUser(), logins.perAddress(),
        logins.backoffMillis(), 15 * 60_000);
  }

  /**
   * As above, sharing {@code throttle} (the node's, which its console and event bus use too, so
   * that guesses spread over the ways in are limited together).
   */
  public static Future<PgWireServer> start(Vertx vertx, PgWireOptions options,
      MessageCatalog catalog, UserDirectory users, Optional<SessionManager> sessions,
      Supplier<ConnectionLimits> limits, LoginThrottle throttle) {
    int count = options.listenerCount();
    if (options.port() == 0 && count > 1) {
      // Vert.x shares a port among servers asking for the same one; a random port (0, or its
      // shared form -1, which every listener of this Vert.x would share) is chosen here
      return startOnFreePort(vertx, options, catalog, users, sessions, limits, throttle, 3);
    }
    CancelRegistry cancels = new CancelRegistry();
    ServerContext ctx = new ServerContext(options, catalog, new ErrorMapper(catalog), users,
        sessions, cancels, new CatalogProbes(), SERVER_VERSION,
        ServerContext.tlsOptions(options.tls()), limits, new ConnectionGate(),
        throttle);
    PgWireServerImpl server = new PgWireServerImpl(vertx, ctx);
    // one deployment of N instances: Vert.x shares the port (also a port 0 it picked) among them
    DeploymentOptions deployment = new DeploymentOptions().setInstances(count);
    return vertx.deployVerticle(() -> server.newListener(), deployment).map(id -> {
      server.deploymentId = id;
      return server;
    });
  }

  /** Listens on a port free a moment ago; tries another when it was taken in between. */
  private static Future<PgWireServer> startOnFreePort(Vertx vertx, PgWireOptions options,
      MessageCatalog catalog, UserDirectory users, Optional<SessionManager> sessions,
      Supplier<ConnectionLimits> limits, LoginThrottle throttle, int attempts) {
    return vertx.<Integer>executeBlocking(() -> {
      try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1,
          java.net.InetAddress.getByName(options.host()))) {
        return probe.getLocalPort();
      }
    }).compose(port -> start(vertx, options.withPort(port), catalog, users, sessions, limits,
        throttle)).recover(t -> attempts > 1 && t instanceof java.net.BindException
            ? startOnFreePort(vertx, options, catalog, users, sessions, limits, throttle,
                attempts - 1)
            : Future.failedFuture(t));
  }

  private synchronized PgServerVerticle newListener() {
    PgServerVerticle v = new PgServerVerticle(ctx);
    listeners.add(v);
    return v;
  }

  @Override
  public synchronized int port() {
    return listeners.get(0).actualPort();
  }

  /** Connections each listener serves now, one count per listener (tests). */
  synchronized java.util.List<Integer> connectionsPerListener() {
    return listeners.stream().map(PgServerVerticle::connectionCount).toList();
  }

  @Override
  public Future<Void> close() {
    String id = deploymentId;
    deploymentId = null;
    return id == null ? Future.succeededFuture() : vertx.undeploy(id);
  }
}
