package io.snapsync.plugins.pgwire.impl;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/**
 * An event-loop verticle listening for PostgreSQL clients; several instances share the port
 * (Vert.x balances connections between them). Each accepted socket gets a
 * {@link PgConnection}.
 */
public final class PgServerVerticle extends VerticleBase {

  /** How often connections look for sessions ended by the session manager (idle timeout). */
  static final long SESSION_CHECK_MILLIS = 1000;

  private final ServerContext server;
  private NetServer netServer;
  private long sessionCheckTimer = -1;

  PgServerVerticle(ServerContext server) {
    this.server = server;
  }

  @Override
  public Future<?> start() {
    NetServerOptions opts = new NetServerOptions()
        .setHost(server.options().host())
        .setPort(server.options().port())
        .setTcpNoDelay(true);
    netServer = vertx.createNetServer(opts)
        .connectHandler(socket -> new PgConnection(server, socket, vertx).start());
    sessionCheckTimer = vertx.setPeriodic(SESSION_CHECK_MILLIS,
        id -> server.connections().forEach(PgConnection::checkSession));
    return netServer.listen();
  }

  /** The bound port (useful with port 0). */
  int actualPort() {
    return netServer.actualPort();
  }

  /** Tells every client the server is going away (57P01), then stops listening. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sessionCheckTimer);
    server.connections().forEach(PgConnection::shutdown);
    return netServer == null ? Future.succeededFuture() : netServer.close();
  }
}
