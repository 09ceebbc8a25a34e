package io.snapsync.plugins.pgwire.api;

import io.vertx.core.Future;

/**
 * A running PostgreSQL protocol listener. Thread-safe. Whoever started it closes it (the
 * {@code pgwire} extension does so on node shutdown); closing stops accepting connections.
 */
public interface PgWireServer {

  /** The TCP port actually bound. */
  int port();

  Future<Void> close();
}
