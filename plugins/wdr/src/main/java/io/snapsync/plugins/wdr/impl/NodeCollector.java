package io.snapsync.plugins.wdr.impl;

import io.snapsync.core.spi.Collector;
import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs this node's collectors for a snapshot and answers collect requests at
 * {@code snapsync.wdr.collect.<node>}. Each collector is bounded by the given timeout; a
 * failing or hanging one is recorded under {@code failures} and the others go on.
 *
 * <p>Result: {@code {node, role, collected_at, categories: {name: data}, failures: {name:
 * reason}}}.
 */
public final class NodeCollector {

  private final Vertx vertx;
  private final ExtensionContext ctx;
  private final String nodeName;
  private final String role;
  private final Clock clock;
  private final Supplier<List<Collector>> collectors;
  private MessageConsumer<JsonObject> consumer;

  public NodeCollector(Vertx vertx, ExtensionContext ctx, String nodeName, String role,
      Clock clock, Supplier<List<Collector>> collectors) {
    this.vertx = vertx;
    this.ctx = ctx;
    this.nodeName = nodeName;
    this.role = role;
    this.clock = clock;
    this.collectors = collectors;
  }

  public static String address(String node) {
    return "snapsync.wdr.collect." + node;
  }

  public Future<Void> start() {
    consumer = io.snapsync.core.cluster.ClusterTrust.forVertx(vertx).consumer(vertx, address(nodeName),
        this::handle);
    return consumer.completion();
  }

  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void handle(Message<JsonObject> m) {
    collect(m.body().getLong("timeoutMillis", 100_000L)).onComplete(ar -> {
      if (ar.succeeded()) {
        m.reply(ar.result());
      } else {
        m.fail(500, String.valueOf(ar.cause()));
      }
    });
  }

  /** Collects every category; never fails (failures are part of the result). */
  public Future<JsonObject> collect(long timeoutMillis) {
    JsonObject categories = new JsonObject();
    JsonObject failures = new JsonObject();
    List<Future<?>> all = new ArrayList<>();
    for (Collector c : collectors.get()) {
      Future<JsonObject> f;
      try {
        f = c.collect(ctx);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      all.add(f.timeout(timeoutMillis, TimeUnit.MILLISECONDS).andThen(ar -> {
        synchronized (categories) {
          if (ar.succeeded()) {
            categories.put(c.name(), ar.result() == null ? new JsonObject() : ar.result());
          } else {
            failures.put(c.name(), reason(ar.cause()));
          }
        }
      }));
    }
    return Future.join(all).transform(ar -> {
      synchronized (categories) {
        return Future.succeededFuture(new JsonObject().put("node", nodeName).put("role", role)
            .put("collected_at", clock.millis()).put("categories", categories.copy())
            .put("failures", failures.copy()));
      }
    });
  }

  static String reason(Throwable t) {
    if (t instanceof java.util.concurrent.TimeoutException
        || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException) {
      return "timed out";
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
