package io.snapsync.bench.cluster;

import io.snapsync.core.cluster.ClusterConfigs;
import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.node.Node;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.spi.FunctionCall;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * Cluster benchmarks on loopback, all members in this JVM (each with its own Vert.x and
 * Hazelcast instance):
 * <ol>
 *   <li>{@code kill_snapshot('global')} latency on 3 coordinators + 1 data node, workers
 *       restarted over their control addresses between calls;</li>
 *   <li>event-bus statement round trips ({@code SELECT} of one row by primary key through
 *       the session API) from a plain clustered Vert.x service to an embedded node, and from
 *       the node's own Vert.x for comparison.</li>
 * </ol>
 * Usage: {@code ClusterBench [kills=200] [statements=20000]}. Prints a Markdown table.
 */
public final class ClusterBench {

  private static final String PW = "bench-password";

  private ClusterBench() {
  }

  public static void main(String[] args) throws Exception {
    int kills = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int statements = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Path dir = Files.createTempDirectory("snapsync-cluster-bench");
    System.out.println("| measurement | n | p50 µs | p90 µs | p99 µs | max µs | mean µs |");
    System.out.println("|---|---|---|---|---|---|---|");
    killLatency(dir.resolve("kill"), kills);
    roundTrips(dir.resolve("rt"), statements);
    System.exit(0);
  }

  private static void killLatency(Path dir, int n) {
    String cluster = "bench-" + UUID.randomUUID();
    List<Integer> ports = List.of(freePort(), freePort(), freePort(), freePort());
    List<Node> nodes = new ArrayList<>();
    nodes.add(Node.start(config(dir, "dn1", "datanode", cluster, ports, 0)).await());
    for (int i = 1; i <= 3; i++) {
      nodes.add(Node.start(config(dir, "cn" + i, "coordinator", cluster, ports, i)).await());
    }
    Node cn1 = nodes.get(1);
    var kill = cn1.services().functions().find("kill_snapshot").orElseThrow();
    Histogram h = new Histogram(3);
    for (int i = 0; i < n + 20; i++) {
      for (int c = 1; c <= 3; c++) {
        cn1.vertx().eventBus().request("snapsync.wdr.control.cn" + c,
            new JsonObject().put("action", "start")).await();
      }
      long t0 = System.nanoTime();
      kill.call(new AdminCall(cn1, "global")).await();
      long us = (System.nanoTime() - t0) / 1000;
      if (i >= 20) {
        h.recordValue(us);
      }
    }
    print("kill_snapshot('global'), 3 CN + 1 DN", h);
    // Statements through a coordinator without storage: client (on dn1's Vert.x) -> cn1 ->
    // backend session on dn1.
    SnapsyncClient client = new SnapsyncClient(nodes.get(0).vertx(), 30_000);
    SnapsyncClient.ClientSession s = client.open("cn1", "admin", PW, null).await();
    s.execute("CREATE TABLE kv (k int PRIMARY KEY, v text)").await();
    s.execute("INSERT INTO kv VALUES (1, 'one')").await();
    Histogram rt = new Histogram(3);
    for (int i = 0; i < 7000; i++) {
      long t0 = System.nanoTime();
      s.execute("SELECT v FROM kv WHERE k = 1").await();
      if (i >= 2000) {
        rt.recordValue((System.nanoTime() - t0) / 1000);
      }
    }
    print("statement via storage-less coordinator (client -> cn1 -> dn1)", rt);
    s.close().await();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close().await();
    }
  }

  private static void roundTrips(Path dir, int n) {
    String cluster = "bench-" + UUID.randomUUID();
    List<Integer> ports = List.of(freePort(), freePort());
    Node en1 = Node.start(config(dir, "en1", "embedded", cluster, ports, 0)).await();
    Vertx service = ClusterConfigs.clusteredVertx(ClusterConfigs.hazelcast(cluster, "127.0.0.1",
        ports.get(1), ports.stream().map(p -> "127.0.0.1:" + p).toList()),
        io.snapsync.core.cluster.TrustMaterial.service(dir.resolve("trust"))).await();
    SnapsyncClient local = new SnapsyncClient(en1.vertx(), 30_000);
    SnapsyncClient remote = new SnapsyncClient(service, 30_000);
    SnapsyncClient.ClientSession setup = local.open("en1", "admin", PW, null).await();
    setup.execute("CREATE TABLE kv (k int PRIMARY KEY, v text)").await();
    setup.execute("INSERT INTO kv VALUES (1, 'one'), (2, 'two')").await();
    setup.close().await();
    for (var e : List.of(new Object[] {"same node", local}, new Object[] {"other node", remote})) {
      SnapsyncClient client = (SnapsyncClient) e[1];
      SnapsyncClient.ClientSession s = client.open("en1", "admin", PW, null).await();
      Histogram h = new Histogram(3);
      for (int i = 0; i < n + 5000; i++) {
        long t0 = System.nanoTime();
        s.execute("SELECT v FROM kv WHERE k = 1").await();
        if (i >= 5000) {
          h.recordValue((System.nanoTime() - t0) / 1000);
        }
      }
      print("event-bus statement round trip, " + e[0], h);
      s.close().await();
    }
    service.close().await();
    en1.close().await();
  }

  private static void print(String what, Histogram h) {
    System.out.printf("| %s | %d | %d | %d | %d | %d | %.0f |%n", what, h.getTotalCount(),
        h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
        h.getMaxValue(), h.getMean());
  }

  private static NodeConfig config(Path dir, String name, String role, String cluster,
      List<Integer> ports, int i) {
    JsonArray members = new JsonArray();
    ports.forEach(p -> members.add("127.0.0.1:" + p));
    return NodeConfig.of(new JsonObject()
        .put("node", new JsonObject().put("name", name).put("role", role))
        .put("dataDirectory", dir.resolve(name).toString())
        .put("pluginDirectory", "")
        .put("ports", new JsonObject().put("pgwire", freePort()).put("console", freePort()))
        .put("cluster", new JsonObject().put("enabled", true).put("name", cluster)
            .put("host", "127.0.0.1").put("port", ports.get(i)).put("members", members)
            .put("trust", new JsonObject().put("directory", dir.resolve("trust").toString())
                .put("generate", true)))
        .put("plugins", new JsonObject().put("wdr", new JsonObject().put("tickMillis", 0)))
        .put("security", new JsonObject().put("initialAdminPassword", PW)), "bench");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A call of a function by the SYSADMIN {@code admin}. */
  private record AdminCall(Node target, Object arg) implements FunctionCall {

    @Override
    public List<Object> args() {
      return Arrays.asList(arg);
    }

    @Override
    public String user() {
      return "admin";
    }

    @Override
    public boolean hasRole(String role) {
      return target.services().users().roles("admin").contains(role);
    }

    @Override
    public String lcMessages() {
      return "en";
    }

    @Override
    public String setting(String name) {
      return target.services().settings().nodeValue(name);
    }

    @Override
    public NodeInfo node() {
      return target.info();
    }

    @Override
    public Vertx vertx() {
      return target.vertx();
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      return target.services().service(type);
    }

    @Override
    public Object sessionInternals() {
      return null;
    }
  }
}
