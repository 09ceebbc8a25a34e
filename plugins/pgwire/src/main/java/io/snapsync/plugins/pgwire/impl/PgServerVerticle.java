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

  private final ServerContext server;
  private NetServer netServer;

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
    return netServer.listen();
  }

  /** The bound port (useful with port 0). */
  int actualPort() {
    return netServer.actualPort();
  }

  /** Tells every client the server is going away (57P01), then stops listening. */
  @Override
  public Future<?> stop() {
    server.connections().forEach(PgConnection::shutdown);
    return netServer == null ? Future.succeededFuture() : netServer.close();
  }
}
