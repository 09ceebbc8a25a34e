package io.snapsync.plugins.pgwire.impl;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/**
 * An event-loop verticle listening for PostgreSQL clients; several instances share the port
 * (Vert.x balances connections between them), each serving its connections on its own event
 * loop. Each accepted socket gets a {@link PgConnection}.
 */
public final class PgServerVerticle extends VerticleBase {

  /** How often connections look for sessions ended by the session manager (idle timeout). */
  static final long SESSION_CHECK_MILLIS = 1000;

  private final ServerContext server;
  /** This listener's connections; touched only on its event loop. */
  private final java.util.Set<PgConnection> connections = new java.util.HashSet<>();
  private volatile int connectionCount;
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
        .connectHandler(socket -> new PgConnection(server, socket, vertx, this).start());
    sessionCheckTimer = vertx.setPeriodic(SESSION_CHECK_MILLIS,
        id -> java.util.List.copyOf(connections).forEach(PgConnection::checkSession));
    return netServer.listen();
  }

  /** A connection of this listener began (on its event loop). */
  void added(PgConnection c) {
    connections.add(c);
    connectionCount = connections.size();
  }

  /** A connection of this listener closed (on its event loop). */
  void removed(PgConnection c) {
    connections.remove(c);
    connectionCount = connections.size();
  }

  /** How many connections this listener serves now (any thread). */
  int connectionCount() {
    return connectionCount;
  }

  /** The bound port (useful with port 0). */
  int actualPort() {
    return netServer.actualPort();
  }

  /** Tells every client the server is going away (57P01), then stops listening. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sessionCheckTimer);
    java.util.List.copyOf(connections).forEach(PgConnection::shutdown);
    return netServer == null ? Future.succeededFuture() : netServer.close();
  }
}
