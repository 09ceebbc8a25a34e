package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.session.SessionManager;
import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.plugins.pgwire.api.LoginLimits;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.api.PgWireServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Supplier;

/** Deploys the listener verticle and undeploys it on {@link #close}. */
public final class PgWireServerImpl implements PgWireServer {

  /** The server_version reported to clients: PostgreSQL 15 protocol and catalog behaviour. */
  public static final String SERVER_VERSION = "15.0 (snapsync)";

  private final Vertx vertx;
  private final PgServerVerticle verticle;
  private String deploymentId;

  private PgWireServerImpl(Vertx vertx, ServerContext ctx) {
    this.vertx = vertx;
    this.verticle = new PgServerVerticle(ctx);
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
        java.util.concurrent.ConcurrentHashMap.newKeySet(),
        ServerContext.tlsOptions(options.tls()), limits, new ConnectionGate(),
        LoginThrottle.of(logins, clock));
    PgWireServerImpl server = new PgWireServerImpl(vertx, ctx);
    return vertx.deployVerticle(server.verticle).map(id -> {
      server.deploymentId = id;
      return server;
    });
  }

  @Override
  public int port() {
    return verticle.actualPort();
  }

  @Override
  public Future<Void> close() {
    return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
  }
}
