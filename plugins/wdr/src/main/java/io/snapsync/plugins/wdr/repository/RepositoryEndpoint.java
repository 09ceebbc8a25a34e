package io.snapsync.plugins.wdr.repository;

import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves {@link Repository#ADDRESS} on the data node from its {@link Repository.Local}, to
 * cluster members only (a request without the cluster's proof is refused 28000).
 */
public final class RepositoryEndpoint {

  private final Repository local;
  private MessageConsumer<JsonObject> consumer;

  public RepositoryEndpoint(Repository local) {
    this.local = local;
  }

  public Future<Void> start(io.vertx.core.Vertx vertx) {
    consumer = io.snapsync.core.cluster.ClusterTrust.forVertx(vertx).consumer(vertx, Repository.ADDRESS,
        this::handle);
    return consumer.completion();
  }

  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void handle(Message<JsonObject> m) {
    JsonObject b = m.body();
    Future<JsonObject> f;
    switch (String.valueOf(m.headers().get("action"))) {
      case "write" -> {
        Map<String, JsonObject> nodes = RemoteRepository.toMap(b.getJsonObject("nodes"));
        f = local.write(b.getLong("start"), b.getLong("end"), b.getString("trigger"), nodes,
            b.getJsonObject("failures"), WrittenSnapshot.fromItems(b.getJsonArray("outcomes")))
            .map(WrittenSnapshot::toJson);
      }
      case "list" -> f = local.list().map(l -> {
        JsonArray a = new JsonArray();
        l.forEach(s -> a.add(s.toJson()));
        return new JsonObject().put("items", a);
      });
      case "data" -> f = local.data(b.getLong("id")).map(RepositoryEndpoint::fromMap);
      case "retention" -> f = local.removeOlderThan(b.getLong("cutoff"))
          .map(n -> new JsonObject().put("removed", n));
      case "record" -> {
        List<RequestOutcome> in = new ArrayList<>();
        b.getJsonArray("items").forEach(o -> in.add(RequestOutcome.fromJson((JsonObject) o)));
        f = local.record(in).map(RepositoryEndpoint::items);
      }
      case "requests" -> f = local.requests().map(RepositoryEndpoint::items);
      case "baseline" -> f = local.putBaseline(b.getString("name"), b.getLong("begin"),
          b.getLong("end")).map(v -> new JsonObject().put("done", v));
      case "drop_baseline" -> f = local.dropBaseline(b.getString("name"))
          .map(v -> new JsonObject().put("done", v));
      case "baselines" -> f = local.baselines().map(RepositoryEndpoint::fromMap);
      default -> f = Future.failedFuture("unknown action " + m.headers().get("action"));
    }
    f.onComplete(ar -> {
      if (ar.succeeded()) {
        m.reply(ar.result());
      } else {
        m.fail(500, String.valueOf(ar.cause().getMessage()));
      }
    });
  }

  private static JsonObject fromMap(Map<String, JsonObject> map) {
    JsonObject j = new JsonObject();
    map.forEach(j::put);
    return j;
  }

  private static JsonObject items(List<RequestOutcome> l) {
    JsonArray a = new JsonArray();
    l.forEach(o -> a.add(o.toJson()));
    return new JsonObject().put("items", a);
  }
}
