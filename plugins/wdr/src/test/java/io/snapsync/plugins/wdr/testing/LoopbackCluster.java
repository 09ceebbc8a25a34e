package io.snapsync.plugins.wdr.testing;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;

/** Clustered Vert.x instances on loopback (Hazelcast TCP-IP, fast join), one JVM. */
public final class LoopbackCluster {

  private final String name = "wdr-test-" + UUID.randomUUID();
  private final List<Integer> ports;
  private final byte[] secret = UUID.randomUUID().toString().getBytes(
      java.nio.charset.StandardCharsets.US_ASCII);

  public LoopbackCluster(int members) {
    try {
      ports = new java.util.ArrayList<>();
      for (int i = 0; i < members; i++) {
        try (ServerSocket s = new ServerSocket(0)) {
          ports.add(s.getLocalPort());
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Starts member {@code i} (0-based). Blocking. */
  public Vertx member(int i) {
    Config c = ConfigUtil.loadConfig();
    c.setClusterName(name);
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.getNetworkConfig().setPort(ports.get(i)).setPortAutoIncrement(false);
    c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig j = c.getNetworkConfig().getJoin();
    j.getMulticastConfig().setEnabled(false);
    j.getAutoDetectionConfig().setEnabled(false);
    j.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1);
    for (int p : ports) {
      j.getTcpIpConfig().addMember("127.0.0.1:" + p);
    }
    Vertx vx = Vertx.builder().withClusterManager(new HazelcastClusterManager(c)).buildClustered()
        .await();
    // The members share a cluster secret, as a node's parts do (io.snapsync.core.cluster).
    io.snapsync.core.cluster.ClusterTrust.install(vx, io.snapsync.core.cluster.ClusterTrust.of(
        secret, java.time.Clock.systemUTC(),
        io.snapsync.core.catalog.MessageCatalog.withCoreBundles()));
    return vx;
  }
}
