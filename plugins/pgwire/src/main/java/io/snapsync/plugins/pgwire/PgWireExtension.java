package io.snapsync.plugins.pgwire;

import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.spi.SnapsyncExtension;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.api.PgWireServer;
import io.snapsync.plugins.pgwire.impl.PgWireServerImpl;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pgwire} extension: a PostgreSQL protocol v3 listener on coordinators, configured by
 * {@code plugins.pgwire} ({@link PgWireOptions}). Data nodes (no sessions) start no listener.
 */
public final class PgWireExtension implements SnapsyncExtension {

  private static final Logger LOG = LoggerFactory.getLogger(PgWireExtension.class);
  /** The catalog bundle of this extension. */
  public static final String CATALOG = "io/snapsync/messages/pgwire";

  private volatile PgWireServer server;

  @Override
  public String name() {
    return "pgwire";
  }

  @Override
  public void register(ExtensionContext context) {
    context.addCatalog(PgWireExtension.class.getClassLoader(), CATALOG);
    PgWireSettings.register(context::addSetting);
  }

  @Override
  public Future<Void> start(ExtensionContext context) {
    if (context.sessions().isEmpty()) {
      LOG.info("pgwire: node {} has no sessions (data node); no PostgreSQL listener",
          context.node().name());
      return Future.succeededFuture();
    }
    PgWireOptions options = PgWireOptions.fromJson(context.config());
    // the node's throttle, shared with the console and the event bus
    io.snapsync.core.login.LoginThrottle throttle = context.service(
        io.snapsync.core.login.LoginThrottle.class).orElseGet(() -> PgWireServerImpl.throttle(
            io.snapsync.plugins.pgwire.api.LoginLimits.defaults(), java.time.Clock.systemUTC()));
    return PgWireServerImpl.start(context.vertx(), options, context.catalog(), context.users(),
        context.sessions(), () -> PgWireSettings.limits(context.settings()), throttle).map(s -> {
          server = s;
          LOG.info("pgwire: PostgreSQL protocol on {}:{} ({} authentication)", options.host(),
              s.port(), options.authentication());
          return null;
        });
  }

  /** The running listener, or null before start / on a data node. */
  public PgWireServer server() {
    return server;
  }

  @Override
  public Future<Void> stop() {
    PgWireServer s = server;
    server = null;
    return s == null ? Future.succeededFuture() : s.close();
  }
}
