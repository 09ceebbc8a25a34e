package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.session.SessionManager;
import io.snapsync.plugins.pgwire.api.ConnectionLimits;
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
    CancelRegistry cancels = new CancelRegistry();
    ServerContext ctx = new ServerContext(options, catalog, new ErrorMapper(catalog), users,
        sessions, cancels, new CatalogProbes(), SERVER_VERSION,
        ServerContext.tlsOptions(options.tls()), limits, new ConnectionGate(),
        LoginThrottle.of(logins, clock));
    PgWireServerImpl server = new PgWireServerImpl(vertx, ctx);
    // one deployment of N instances: Vert.x shares the port (also a port 0 it picked) among them
    DeploymentOptions deployment = new DeploymentOptions().setInstances(options.listenerCount());
    return vertx.deployVerticle(() -> server.newListener(), deployment).map(id -> {
      server.deploymentId = id;
      return server;
    });
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
