package io.snapsync.console;

import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.spi.SnapsyncExtension;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web admin console as an extension ({@code plugins.console}), discovered with
 * {@link java.util.ServiceLoader}. Runs on coordinators (it signs users into SQL sessions);
 * registers the running {@link ConsoleServer} as a node service.
 */
public final class ConsoleExtension implements SnapsyncExtension {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleExtension.class);

  /** Catalog bundle of the console's messages. */
  public static final String CATALOG = "io/snapsync/messages/console";

  private volatile ConsoleServer server;

  @Override
  public java.util.List<String> requires() {
    // the overview, snapshots and reports come from the WDR extension's service
    return java.util.List.of("wdr");
  }

  @Override
  public String name() {
    return "console";
  }

  @Override
  public void register(ExtensionContext context) {
    context.addCatalog(ConsoleExtension.class.getClassLoader(), CATALOG);
  }

  @Override
  public Future<Void> start(ExtensionContext context) {
    if (context.sessions().isEmpty()) {
      LOG.info("console: node {} has no sessions (data node); no admin console",
          context.node().name());
      return Future.succeededFuture();
    }
    if (context.config().getBoolean("enabled", true) == Boolean.FALSE) {
      LOG.info("console: disabled by plugins.console.enabled");
      return Future.succeededFuture();
    }
    // the node puts its bind address and ports.console into this extension's section
    String host = context.config().getString("host");
    int port = context.config().getInteger("port", -1);
    ConsoleOptions options;
    try {
      options = ConsoleOptions.fromJson(context.config(), host, port);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return ConsoleServer.start(context, options).map(s -> {
      server = s;
      context.registerService(ConsoleServer.class, s);
      LOG.info("console: admin console on {}", s.url());
      return null;
    });
  }

  /** The running console, or null before start / on a data node. */
  public ConsoleServer server() {
    return server;
  }

  @Override
  public Future<Void> stop() {
    ConsoleServer s = server;
    server = null;
    return s == null ? Future.succeededFuture() : s.close();
  }
}
