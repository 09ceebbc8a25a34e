package io.snapsync.core.spi;

import io.vertx.core.Future;

/**
 * An extension module (plugin), discovered with {@link java.util.ServiceLoader} from the class
 * path and from jars in the installation's {@code plugins/} directory. Listed in
 * {@code META-INF/services/io.snapsync.core.spi.SnapsyncExtension}.
 *
 * <p>Lifecycle: {@link #register} once before the node starts serving (add functions, settings,
 * catalogs, collectors, an authorization provider); {@link #start} when the node is up (deploy
 * verticles, open listeners); {@link #stop} on shutdown. A failure in any of them fails node
 * start-up with a message naming the extension.
 */
public interface SnapsyncExtension {

  /** Short unique name, e.g. {@code pgwire}; also the config section {@code plugins.<name>}. */
  String name();

  /**
   * Names of the extensions this one needs (e.g. the console needs {@code wdr}). The node
   * refuses to start, naming both, when one is missing, and registers and starts an
   * extension after those it needs.
   */
  default java.util.List<String> requires() {
    return java.util.List.of();
  }

  void register(ExtensionContext context);

  default Future<Void> start(ExtensionContext context) {
    return Future.succeededFuture();
  }

  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
