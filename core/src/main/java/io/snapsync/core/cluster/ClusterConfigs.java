package io.snapsync.core.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.snapsync.core.config.NodeConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;

/**
 * Hazelcast settings for snapsync clusters (TCP-IP member list, fixed interface, no multicast,
 * fast join, no phone-home), shared by nodes and by client services that join the cluster to
 * reach a node over the event bus (with TLS: {@link TrustMaterial}).
 */
public final class ClusterConfigs {

  private ClusterConfigs() {
  }

  /** The Hazelcast configuration of a node or client of {@code config}'s cluster. */
  public static Config hazelcast(NodeConfig config) {
    return hazelcast(config.clusterName(), config.clusterHost(), config.clusterPort(),
        config.clusterMembers());
  }

  /**
   * A Hazelcast configuration.
   *
   * @param clusterName Hazelcast cluster name (distinct clusters on one host need distinct names)
   * @param host the interface to bind and advertise (e.g. {@code 127.0.0.1})
   * @param port the first port to try (auto-increment when taken)
   * @param members TCP-IP members as {@code host:port}
   */
  public static Config hazelcast(String clusterName, String host, int port, List<String> members) {
    Config c = ConfigUtil.loadConfig();
    c.setClusterName(clusterName);
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.logging.type", "slf4j");
    NetworkConfig net = c.getNetworkConfig();
    net.setPort(port).setPortAutoIncrement(true).setPortCount(100);
    net.getInterfaces().setEnabled(true).clear().addInterface(host);
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1).clear();
    for (String m : members) {
      join.getTcpIpConfig().addMember(m);
    }
    return c;
  }

  /**
   * A clustered Vert.x of a service (a client process, not a member): the event bus speaks
   * TLS with {@code material}'s certificate, which the cluster CA must have signed; without it
   * the nodes refuse the connection. A service holds no cluster secret, so only the public
   * session API answers it (docs/cluster.md).
   */
  public static Future<Vertx> clusteredVertx(Config hazelcast, TrustMaterial material) {
    HazelcastClusterManager mgr = new HazelcastClusterManager(hazelcast);
    VertxOptions options = new VertxOptions();
    material.apply(options.getEventBusOptions());
    return Vertx.builder().with(options).withClusterManager(mgr).buildClustered();
  }

  /** The Vert.x node id of {@code vertx} in its cluster, or null when not clustered. */
  public static String nodeId(Vertx vertx) {
    if (vertx instanceof io.vertx.core.internal.VertxInternal vi && vi.isClustered()) {
      return vi.clusterManager().getNodeId();
    }
    return null;
  }
}
