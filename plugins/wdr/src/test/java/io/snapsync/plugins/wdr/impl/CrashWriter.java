package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.repository.WdrRepository;
import io.snapsync.plugins.wdr.api.Outcome;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Child JVM of {@link SnapshotCrashTest}: writes large three-node snapshots to the repository
 * in a loop, each with the outcome of the request it served, printing {@code wrote <id>} after
 * each, until killed.
 */
public final class CrashWriter {

  private CrashWriter() {
  }

  public static void main(String[] args) {
    Store store = Store.open(StoreOptions.defaults(Path.of(args[0]))
        .withKvSpaces(List.of(WdrRepository.SPACE)));
    WdrRepository repo = new WdrRepository(store);
    for (long round = 0; ; round++) {
      Map<String, JsonObject> nodes = new TreeMap<>();
      for (String n : List.of("cn1", "cn2", "dn1")) {
        nodes.put(n, payload(n, round));
      }
      RequestOutcome served = new RequestOutcome(0, round, "crash", "cn1", Outcome.TAKEN, null,
          0);
      long id = repo.write(round, round + 1, "manual", nodes, new JsonObject(), List.of(served))
          .info().snapshotId();
      System.out.println("wrote " + id);
      System.out.flush();
    }
  }

  /** About 300 kB of statements; {@code count} lets the reader check the payload is whole. */
  static JsonObject payload(String node, long round) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < 2000; i++) {
      items.add(new JsonObject().put("query", "SELECT * FROM t" + i + " WHERE id = ? /* "
          + node + " */").put("calls", round * i).put("total_ns", round * 1000 + i));
    }
    return new JsonObject().put("node", node).put("count", items.size())
        .put("categories", new JsonObject().put("statements",
            new JsonObject().put("items", items)));
  }
}
