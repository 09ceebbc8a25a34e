package io.snapsync.plugins.wdr.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The nodes taking part in WDR snapshots: a cluster-wide map node name to {@code {nodeId,
 * role}}, filtered by the cluster manager's live members (a crashed node's entry stays in the
 * map but is ignored), and entries not sealed with the cluster secret are ignored too. Works on a
 * local and a clustered Vert.x.
 */
public final class NodeDirectory {

  private static final String MAP = "snapsync.wdr.nodes";

  private final Vertx vertx;

  public NodeDirectory(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<Void> join(String nodeName, String role) {
    return map().compose(m -> m.put(nodeName, trust().seal(MAP + "/" + nodeName,
        new JsonObject().put("nodeId", selfId()).put("role", role))));
  }

  public Future<Void> leave(String nodeName) {
    return map().compose(m -> m.remove(nodeName)).mapEmpty();
  }

  /** Live nodes: name to role, sorted by name. */
  public Future<Map<String, String>> liveNodes() {
    Set<String> live = vertx.isClustered()
        ? Set.copyOf(((VertxInternal) vertx).clusterManager().getNodes()) : Set.of(selfId());
    return map().compose(AsyncMap::entries).map(all -> {
      Map<String, String> out = new TreeMap<>();
      var trust = trust();
      all.forEach((name, v) -> {
        if (trust.sealed(MAP + "/" + name, v) && live.contains(v.getString("nodeId"))) {
          out.put(name, v.getString("role"));
        }
      });
      return out;
    });
  }

  private io.snapsync.core.cluster.ClusterTrust trust() {
    return io.snapsync.core.cluster.ClusterTrust.forVertx(vertx);
  }

  private String selfId() {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager().getNodeId() : "local";
  }

  private Future<AsyncMap<String, JsonObject>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
