package io.snapsync.plugins.wdr.testing;

import io.snapsync.core.spi.Collector;
import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A collector extension whose answer the test releases: while closed, a snapshot stays in
 * its collection phase. {@link #entered()} completes when a collection reaches it.
 */
public final class GateCollector implements Collector {

  private final String name;
  private volatile boolean closed;
  private final AtomicReference<Promise<JsonObject>> waiting = new AtomicReference<>();
  private volatile CompletableFuture<Void> entered = new CompletableFuture<>();

  public GateCollector(String name) {
    this.name = name;
  }

  public void close() {
    closed = true;
    entered = new CompletableFuture<>();
  }

  /** Opens the gate and answers the collection waiting at it. */
  public void open() {
    closed = false;
    Promise<JsonObject> p = waiting.getAndSet(null);
    if (p != null) {
      p.tryComplete(new JsonObject().put("released", true));
    }
  }

  public CompletableFuture<Void> entered() {
    return entered;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext node) {
    if (!closed) {
      return Future.succeededFuture(new JsonObject().put("released", false));
    }
    Promise<JsonObject> p = Promise.promise();
    waiting.set(p);
    entered.complete(null);
    return p.future();
  }
}
