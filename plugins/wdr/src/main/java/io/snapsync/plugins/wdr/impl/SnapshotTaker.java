package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.repository.Repository;
import io.snapsync.plugins.wdr.repository.WrittenSnapshot;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes one cluster-wide snapshot: asks every live node's {@link NodeCollector} (bounded by
 * {@code wdr_snapshot_query_timeout}), stamps start and end, writes it to the repository in
 * one batch with the outcomes of the requests it serves, publishes its header and applies
 * retention. Thread-safe.
 */
public final class SnapshotTaker {

  private final Vertx vertx;
  private final Clock clock;
  private final WdrSettings settings;
  private final NodeDirectory directory;
  private final Repository repository;

  public SnapshotTaker(Vertx vertx, Clock clock, WdrSettings settings, NodeDirectory directory,
      Repository repository) {
    this.vertx = vertx;
    this.clock = clock;
    this.settings = settings;
    this.directory = directory;
    this.repository = repository;
  }

  /**
   * Takes a snapshot serving {@code outcomes} (their snapshot and request ids are filled in
   * when they are written with it).
   */
  public Future<WrittenSnapshot> take(String trigger, List<RequestOutcome> outcomes) {
    long start = clock.millis();
    long timeout = settings.queryTimeoutMillis();
    return directory.liveNodes().compose(nodes -> {
      Map<String, JsonObject> data = new TreeMap<>();
      JsonObject failures = new JsonObject();
      List<Future<?>> all = new ArrayList<>();
      // Collectors get the timeout less a margin for the reply to travel back in time.
      long margin = Math.min(timeout / 2, 5_000);
      JsonObject req = new JsonObject().put("timeoutMillis", Math.max(1, timeout - margin));
      for (String node : nodes.keySet()) {
        all.add(io.snapsync.core.cluster.ClusterTrust.forVertx(vertx).<JsonObject>request(
            vertx, NodeCollector.address(node), req,
            new DeliveryOptions().setSendTimeout(timeout)).andThen(ar -> {
              synchronized (data) {
                if (ar.succeeded()) {
                  JsonObject body = ar.result().body();
                  data.put(node, body);
                  JsonObject f = body.getJsonObject("failures");
                  if (f != null && !f.isEmpty()) {
                    failures.put(node, f);
                  }
                } else {
                  failures.put(node, new JsonObject().put("*", NodeCollector.reason(ar.cause())));
                }
              }
            }));
      }
      return Future.join(all).transform(x -> {
        synchronized (data) {
          return repository.write(start, clock.millis(), trigger, new TreeMap<>(data),
              failures.copy(), outcomes);
        }
      });
    }).compose(written -> {
      io.snapsync.core.cluster.ClusterTrust.forVertx(vertx).publish(vertx,
          WdrService.SNAPSHOTS_ADDRESS, written.info().toJson());
      return repository.removeOlderThan(clock.millis() - settings.retentionMillis())
          .transform(x -> Future.succeededFuture(written));
    });
  }
}
