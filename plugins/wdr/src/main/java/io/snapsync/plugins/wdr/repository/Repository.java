package io.snapsync.plugins.wdr.repository;

import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Asynchronous access to the WDR repository, which lives on the data node: {@link Local} on
 * the data node itself, {@link RemoteRepository} over the event bus elsewhere.
 */
public interface Repository {

  /** Event-bus address of the data node's repository endpoint. */
  String ADDRESS = "snapsync.wdr.repository";

  /**
   * Stores a snapshot and the outcomes of the requests it served in one atomic batch
   * ({@link WdrRepository#write(long, long, String, Map, JsonObject, List)}).
   */
  Future<WrittenSnapshot> write(long startMillis, long endMillis, String trigger,
      Map<String, JsonObject> nodeData, JsonObject failures, List<RequestOutcome> outcomes);

  Future<List<SnapshotInfo>> list();

  /** Node name to data of snapshot {@code id}; empty when the snapshot does not exist. */
  Future<Map<String, JsonObject>> data(long id);

  Future<Integer> removeOlderThan(long cutoffMillis);

  Future<List<RequestOutcome>> record(List<RequestOutcome> outcomes);

  Future<List<RequestOutcome>> requests();

  /** False if a baseline of that name exists. */
  Future<Boolean> putBaseline(String name, long begin, long end);

  /** False if there is no baseline of that name. */
  Future<Boolean> dropBaseline(String name);

  Future<Map<String, JsonObject>> baselines();

  /** The repository of this (data) node, run on worker threads. */
  static Repository local(io.vertx.core.Vertx vertx, WdrRepository repo) {
    return new Local(vertx, repo);
  }

  /** Delegates to a {@link WdrRepository} on worker threads. */
  final class Local implements Repository {
    private final io.vertx.core.Vertx vertx;
    private final WdrRepository repo;

    Local(io.vertx.core.Vertx vertx, WdrRepository repo) {
      this.vertx = vertx;
      this.repo = repo;
    }

    public WdrRepository repository() {
      return repo;
    }

    @Override
    public Future<WrittenSnapshot> write(long s, long e, String t, Map<String, JsonObject> d,
        JsonObject f, List<RequestOutcome> outcomes) {
      return vertx.executeBlocking(() -> repo.write(s, e, t, d, f, outcomes), false);
    }

    @Override
    public Future<List<SnapshotInfo>> list() {
      return vertx.executeBlocking(repo::list, false);
    }

    @Override
    public Future<Map<String, JsonObject>> data(long id) {
      return vertx.executeBlocking(() -> repo.data(id), false);
    }

    @Override
    public Future<Integer> removeOlderThan(long cutoffMillis) {
      return vertx.executeBlocking(() -> repo.removeOlderThan(cutoffMillis), false);
    }

    @Override
    public Future<List<RequestOutcome>> record(List<RequestOutcome> outcomes) {
      return vertx.executeBlocking(() -> repo.record(outcomes), false);
    }

    @Override
    public Future<List<RequestOutcome>> requests() {
      return vertx.executeBlocking(repo::requests, false);
    }

    @Override
    public Future<Boolean> putBaseline(String name, long begin, long end) {
      return vertx.executeBlocking(() -> repo.putBaseline(name, begin, end), false);
    }

    @Override
    public Future<Boolean> dropBaseline(String name) {
      return vertx.executeBlocking(() -> repo.dropBaseline(name), false);
    }

    @Override
    public Future<Map<String, JsonObject>> baselines() {
      return vertx.executeBlocking(repo::baselines, false);
    }
  }
}
