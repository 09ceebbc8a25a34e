package io.snapsync.plugins.wdr.repository;

import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data node's repository reached over the event bus ({@link RepositoryEndpoint}). */
public final class RemoteRepository implements Repository {

  private final Vertx vertx;
  private final long timeoutMillis;

  public RemoteRepository(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
  }

  private Future<JsonObject> call(String action, JsonObject body) {
    DeliveryOptions o = new DeliveryOptions().setSendTimeout(timeoutMillis)
        .addHeader("action", action);
    return io.snapsync.core.cluster.ClusterTrust.forVertx(vertx).<JsonObject>request(vertx, ADDRESS, body, o)
        .map(m -> m.body());
  }

  @Override
  public Future<WrittenSnapshot> write(long s, long e, String t, Map<String, JsonObject> d,
      JsonObject f, List<RequestOutcome> outcomes) {
    JsonObject nodes = new JsonObject();
    d.forEach(nodes::put);
    return call("write", new JsonObject().put("start", s).put("end", e).put("trigger", t)
        .put("nodes", nodes).put("failures", f)
        .put("outcomes", WrittenSnapshot.items(outcomes))).map(WrittenSnapshot::fromJson);
  }

  @Override
  public Future<List<SnapshotInfo>> list() {
    return call("list", new JsonObject()).map(j -> {
      List<SnapshotInfo> out = new ArrayList<>();
      j.getJsonArray("items").forEach(o -> out.add(SnapshotInfo.fromJson((JsonObject) o)));
      return out;
    });
  }

  @Override
  public Future<Map<String, JsonObject>> data(long id) {
    return call("data", new JsonObject().put("id", id)).map(RemoteRepository::toMap);
  }

  @Override
  public Future<Integer> removeOlderThan(long cutoffMillis) {
    return call("retention", new JsonObject().put("cutoff", cutoffMillis))
        .map(j -> j.getInteger("removed"));
  }

  @Override
  public Future<List<RequestOutcome>> record(List<RequestOutcome> outcomes) {
    JsonArray a = new JsonArray();
    outcomes.forEach(o -> a.add(o.toJson()));
    return call("record", new JsonObject().put("items", a)).map(RemoteRepository::outcomes);
  }

  @Override
  public Future<List<RequestOutcome>> requests() {
    return call("requests", new JsonObject()).map(RemoteRepository::outcomes);
  }

  @Override
  public Future<Boolean> putBaseline(String name, long begin, long end) {
    return call("baseline", new JsonObject().put("name", name).put("begin", begin)
        .put("end", end)).map(j -> j.getBoolean("done"));
  }

  @Override
  public Future<Boolean> dropBaseline(String name) {
    return call("drop_baseline", new JsonObject().put("name", name))
        .map(j -> j.getBoolean("done"));
  }

  @Override
  public Future<Map<String, JsonObject>> baselines() {
    return call("baselines", new JsonObject()).map(RemoteRepository::toMap);
  }

  static List<RequestOutcome> outcomes(JsonObject j) {
    List<RequestOutcome> out = new ArrayList<>();
    j.getJsonArray("items").forEach(o -> out.add(RequestOutcome.fromJson((JsonObject) o)));
    return out;
  }

  static Map<String, JsonObject> toMap(JsonObject j) {
    Map<String, JsonObject> m = new LinkedHashMap<>();
    j.forEach(e -> m.put(e.getKey(), (JsonObject) e.getValue()));
    return m;
  }
}
