package io.snapsync.core.testing;

import io.snapsync.core.cluster.ClusterConfigs;
import io.snapsync.core.cluster.TrustMaterial;
import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.node.Node;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Starts real nodes for tests: data in a temp directory, the initial admin {@code admin} with
 * password {@value #ADMIN_PASSWORD} (config key {@code security.initialAdminPassword}, meant for
 * tests only), no plugin directory. {@link #start(Path)} gives a local (non-clustered) embedded
 * node; {@link #clusterConfig} builds configs for nodes of a loopback Hazelcast cluster.
 *
 * <p>Blocking: call from the test thread. Close nodes with {@code node.close().await()}.
 */
public final class TestNodes {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-password";

  private static final java.util.Map<String, Path> TRUST = new java.util.HashMap<>();

  private TestNodes() {
  }

  /** An embedded, non-clustered node config with data under {@code dir/data}. */
  public static NodeConfig config(Path dir) {
    return NodeConfig.of(new JsonObject()
        .put("dataDirectory", dir.resolve("data").toString())
        .put("pluginDirectory", "")
        .put("ports", new JsonObject().put("pgwire", freePort()).put("console", freePort()))
        .put("cluster", new JsonObject().put("enabled", false))
        .put("security", new JsonObject().put("initialAdminPassword", ADMIN_PASSWORD)), "test");
  }

  /** Starts {@link #config(Path)}. */
  public static Node start(Path dir) {
    return Node.start(config(dir)).await();
  }

  /** Starts {@link #config(Path)} with {@code overrides} merged in (deep). */
  public static Node start(Path dir, JsonObject overrides) {
    return Node.start(config(dir).with(overrides)).await();
  }

  /** Starts {@link #config(Path)} with overrides and an injected clock. */
  public static Node start(Path dir, JsonObject overrides, Clock clock) {
    return Node.start(config(dir).with(overrides), clock).await();
  }

  /** A fresh cluster name, so that concurrent test clusters never meet. */
  public static String clusterName() {
    return "test-" + UUID.randomUUID();
  }

  /**
   * A node of a loopback cluster: {@code name}, {@code role} (coordinator, datanode, embedded),
   * Hazelcast on {@code port}, {@code members} as ports on 127.0.0.1.
   */
  public static NodeConfig clusterConfig(Path dir, String name, String role, String cluster,
      int port, List<Integer> members) {
    JsonArray m = new JsonArray();
    members.forEach(p -> m.add("127.0.0.1:" + p));
    return config(dir.resolve(name)).with(new JsonObject()
        .put("node", new JsonObject().put("name", name).put("role", role))
        .put("cluster", new JsonObject().put("enabled", true).put("name", cluster)
            .put("host", "127.0.0.1").put("port", port).put("members", m)
            .put("trust", new JsonObject().put("directory", trustDirectory(cluster).toString()))));
  }

  /**
   * The key material every node of test cluster {@code cluster} shares (created once per
   * cluster name in a temp directory), as the nodes of a real cluster share a copy of it.
   */
  public static synchronized Path trustDirectory(String cluster) {
    return TRUST.computeIfAbsent(cluster, c -> {
      try {
        Path dir = java.nio.file.Files.createTempDirectory("snapsync-trust-").resolve("trust");
        TrustMaterial.member(dir, c, List.of("127.0.0.1", "localhost"), true);
        return dir;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /**
   * A service process's clustered Vert.x in {@code cluster} (Hazelcast on {@code port},
   * {@code members} as ports): the cluster's service certificate, no cluster secret.
   */
  public static Vertx service(String cluster, int port, List<Integer> members) {
    return ClusterConfigs.clusteredVertx(ClusterConfigs.hazelcast(cluster, "127.0.0.1", port,
        members.stream().map(p -> "127.0.0.1:" + p).toList()),
        TrustMaterial.service(trustDirectory(cluster))).await();
  }

  /** A client of the node's session API from the node's own Vert.x. */
  public static SnapsyncClient client(Node node) {
    return new SnapsyncClient(node.vertx(), 30_000);
  }

  /** A free TCP port on 127.0.0.1 (racy by nature; good enough for tests). */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
