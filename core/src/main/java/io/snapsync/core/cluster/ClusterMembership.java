package io.snapsync.core.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.snapsync.core.node.NodeInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which nodes form the cluster, with their roles: a cluster-wide map (node name to {@code
 * {nodeId, role, address}}) joined at node start, read against the cluster manager's live
 * members, and departures reported as they happen (Hazelcast membership events, hopped onto
 * a Vert.x context). Entries are sealed with the cluster secret ({@link ClusterTrust#seal});
 * one a non-member wrote is ignored. On a non-clustered Vert.x the cluster is this node alone. Registered as
 * a node service; thread-safe.
 */
public final class ClusterMembership {

  /** The cluster-wide map of nodes. */
  public static final String MAP = "snapsync.cluster.nodes";

  private final Vertx vertx;
  private final NodeInfo node;
  private final List<Consumer<String>> leaveListeners = new CopyOnWriteArrayList<>();
  private volatile UUID hazelcastListener;

  public ClusterMembership(Vertx vertx, NodeInfo node) {
    this.vertx = vertx;
    this.node = node;
  }

  /**
   * Creates the membership of the node of {@code services}, registers it as a node service
   * and its {@code cluster_nodes} table. {@link #join()} it once the node is up.
   */
  public static ClusterMembership install(Vertx vertx,
      io.snapsync.core.node.impl.NodeServicesImpl services) {
    ClusterMembership m = new ClusterMembership(vertx, services.node());
    services.registerService(ClusterMembership.class, m);
    services.systemTables().add(new ClusterNodesTable(m));
    return m;
  }

  /** Enters this node in the map and starts watching departures. */
  public Future<Void> join() {
    HazelcastClusterManager hz = hazelcast();
    if (hz != null) {
      hazelcastListener = hz.getHazelcastInstance().getCluster().addMembershipListener(
          new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
              String id = e.getMember().getAttribute("__vertx.nodeId");
              if (id != null) {
                vertx.runOnContext(v -> leaveListeners.forEach(l -> l.accept(id)));
              }
            }
          });
    }
    return map().compose(m -> m.put(node.name(), ClusterTrust.forVertx(vertx).seal(
        MAP + "/" + node.name(), new JsonObject().put("nodeId", selfId())
        .put("role", node.roleName()).put("address", selfAddress()))));
  }

  /** Removes this node from the map (graceful stop). */
  public Future<Void> leave() {
    HazelcastClusterManager hz = hazelcast();
    UUID l = hazelcastListener;
    if (hz != null && l != null) {
      try {
        hz.getHazelcastInstance().getCluster().removeMembershipListener(l);
      } catch (RuntimeException ignored) {
        // the instance is already shutting down
      }
    }
    return map().compose(m -> m.remove(node.name())).<Void>mapEmpty().otherwiseEmpty();
  }

  /**
   * Runs {@code listener} with the Vert.x node id of every member leaving the cluster (on a
   * Vert.x context). Returns a handle that removes the listener.
   */
  public Runnable onLeave(Consumer<String> listener) {
    leaveListeners.add(listener);
    return () -> leaveListeners.remove(listener);
  }

  /** Every node entered in the map, live or not, sorted by name. */
  public Future<List<ClusterNode>> nodes() {
    Set<String> live = liveIds();
    String self = selfId();
    return map().compose(AsyncMap::entries).map(all -> {
      List<ClusterNode> out = new ArrayList<>();
      ClusterTrust trust = ClusterTrust.forVertx(vertx);
      all.forEach((name, v) -> {
        if (!trust.sealed(MAP + "/" + name, v)) {
          return; // written by a process without the cluster secret
        }
        String id = v.getString("nodeId");
        boolean local = name.equals(node.name()) && self.equals(id);
        out.add(new ClusterNode(name, v.getString("role", ""), v.getString("address", ""), id,
            local, local || live.contains(id)));
      });
      out.sort(Comparator.comparing(ClusterNode::name));
      return out;
    });
  }

  /** The name of a live data node (the first by name); fails 08006 when there is none. */
  public Future<String> liveDataNode() {
    return nodes().compose(nodes -> nodes.stream()
        .filter(n -> n.up() && n.dataNode()).findFirst()
        .map(n -> Future.succeededFuture(n.name()))
        .orElseGet(() -> Future.failedFuture(io.snapsync.core.error.SnapsyncException.error(
            io.snapsync.core.error.SqlState.CONNECTION_FAILURE, "cluster.no_datanode"))));
  }

  /** Live coordinators, sorted by name. */
  public Future<List<ClusterNode>> liveCoordinators() {
    return nodes().map(l -> l.stream().filter(n -> n.up() && n.coordinator()).toList());
  }

  /** Whether the member with Vert.x node id {@code nodeId} is in the cluster now. */
  public boolean isLive(String nodeId) {
    return liveIds().contains(nodeId);
  }

  /** This node's Vert.x node id ({@code local} when not clustered). */
  public String selfId() {
    String id = ClusterConfigs.nodeId(vertx);
    return id == null ? "local" : id;
  }

  private Set<String> liveIds() {
    if (vertx instanceof VertxInternal vi && vi.isClustered()) {
      return Set.copyOf(vi.clusterManager().getNodes());
    }
    return Set.of(selfId());
  }

  private String selfAddress() {
    HazelcastClusterManager hz = hazelcast();
    if (hz == null) {
      return "local";
    }
    var a = hz.getHazelcastInstance().getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  private HazelcastClusterManager hazelcast() {
    if (vertx instanceof VertxInternal vi && vi.isClustered()
        && vi.clusterManager() instanceof HazelcastClusterManager h) {
      return h;
    }
    return null;
  }

  private Future<AsyncMap<String, JsonObject>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
