package io.snapsync.plugins.wdr.testing;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.plugin.ExtensionContextImpl;
import io.snapsync.core.spi.Collector;
import io.snapsync.core.testing.TestServices;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.impl.WdrExtension;
import io.snapsync.plugins.wdr.impl.WdrNode;
import io.snapsync.plugins.wdr.repository.WdrRepository;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One node running the real {@code wdr} extension on real node services, with a real RocksDB
 * store when it is a data node. Timers are off: tests drive the worker with {@code tick()}
 * and the injected clock.
 */
public final class WdrTestNode implements AutoCloseable {

  public final Vertx vertx;
  public final NodeServicesImpl services;
  public final ExtensionContextImpl ctx;
  public final WdrExtension extension = new WdrExtension();
  public final Store store;

  private WdrTestNode(Vertx vertx, NodeServicesImpl services, ExtensionContextImpl ctx,
      Store store) {
    this.vertx = vertx;
    this.services = services;
    this.ctx = ctx;
    this.store = store;
  }

  /** Registers the extension (plus {@code extra} collectors) and starts it. Blocking. */
  public static WdrTestNode start(Vertx vertx, Path dir, NodeInfo node, Clock clock,
      JsonObject config, List<Collector> extra) {
    Store store = node.dataNode() ? Store.open(StoreOptions.defaults(dir.resolve("db"))
        .withKvSpaces(List.of(WdrRepository.SPACE)).withClock(clock)) : null;
    NodeServicesImpl.Builder b = TestServices.builder(vertx, dir).node(node).clock(clock)
        .service(Clock.class, clock);
    if (store != null) {
      b.service(Store.class, store);
    }
    NodeServicesImpl services = b.build();
    ExtensionContextImpl ctx = new ExtensionContextImpl(services,
        new JsonObject().put("tickMillis", 0).mergeIn(config),
        new io.snapsync.core.plugin.Collectors(), java.util.Optional::empty);
    WdrTestNode n = new WdrTestNode(vertx, services, ctx, store);
    n.extension.register(ctx);
    extra.forEach(ctx::addCollector);
    n.extension.start(ctx).await();
    return n;
  }

  public WdrNode wdr() {
    return extension.node();
  }

  public WdrService service() {
    return services.service(WdrService.class).orElseThrow();
  }

  public void alterSystem(String name, String value) {
    services.settings().alterSystem(name, value).await();
  }

  @Override
  public void close() {
    extension.stop().await();
    if (store != null) {
      store.close();
    }
  }
}
