package io.snapsync.plugins.wdr.kill;

import static io.snapsync.plugins.wdr.kill.KillTesting.await;
import static io.snapsync.plugins.wdr.kill.KillTesting.failure;
import static io.snapsync.plugins.wdr.kill.KillTesting.kill;
import static io.snapsync.plugins.wdr.kill.KillTesting.state;
import static io.snapsync.plugins.wdr.kill.KillTesting.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.cluster.ClusterMembership;
import io.snapsync.core.node.Node;
import io.snapsync.core.testing.TestNodes;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs: the data node dn1 and coordinator cn1 in this JVM, coordinators cn2 and cn3
 * in child JVMs ({@link ChildNode}), one Hazelcast cluster on loopback. A global kill stops
 * every worker across processes; a coordinator killed with {@code kill -9} while a global
 * kill waits for it is reported as having left, and the kill returns long before its bound.
 */
class KillSnapshotMultiProcessTest {

  @TempDir
  static Path dir;
  static Node dn1;
  static Node cn1;
  static final List<Child> CHILDREN = new ArrayList<>();

  /** A child JVM and the lines it printed. */
  record Child(String name, Process process, ConcurrentHashMap<String, CompletableFuture<Void>> lines) {

    CompletableFuture<Void> line(String text) {
      return lines.computeIfAbsent(text, k -> new CompletableFuture<>());
    }

    void send(String line) throws Exception {
      OutputStream out = process.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    String cluster = TestNodes.clusterName();
    List<Integer> ports = List.of(TestNodes.freePort(), TestNodes.freePort(),
        TestNodes.freePort(), TestNodes.freePort());
    dn1 = Node.start(config("dn1", "datanode", cluster, ports, 0)).await();
    cn1 = Node.start(config("cn1", "coordinator", cluster, ports, 1)).await();
    CHILDREN.add(child("cn2", config("cn2", "coordinator", cluster, ports, 2)));
    CHILDREN.add(child("cn3", config("cn3", "coordinator", cluster, ports, 3)));
    for (Child c : CHILDREN) {
      c.line("READY").get(120, TimeUnit.SECONDS);
    }
    ClusterMembership m = cn1.services().service(ClusterMembership.class).orElseThrow();
    KillTesting.awaitAsync(cn1.vertx(), () -> m.liveCoordinators().map(l -> l.size() == 3),
        "three coordinators");
  }

  private static io.snapsync.core.config.NodeConfig config(String name, String role,
      String cluster, List<Integer> ports, int i) {
    return TestNodes.clusterConfig(dir, name, role, cluster, ports.get(i), ports)
        .with(KillTesting.overrides("60s"));
  }

  private static Child child(String name, io.snapsync.core.config.NodeConfig config)
      throws Exception {
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp, ChildNode.class.getName(),
        config.toJson().encode());
    pb.redirectError(dir.resolve(name + ".log").toFile());
    Process p = pb.start();
    Child c = new Child(name, p, new ConcurrentHashMap<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          c.line(l.trim()).complete(null);
        }
      } catch (java.io.IOException ignored) {
        // the child ended
      }
    }, "child-" + name);
    reader.setDaemon(true);
    reader.start();
    return c;
  }

  @AfterAll
  static void stop() throws Exception {
    for (Child c : CHILDREN) {
      if (c.process().isAlive()) {
        c.process().getOutputStream().close();
        if (!c.process().waitFor(30, TimeUnit.SECONDS)) {
          c.process().destroyForcibly();
        }
      }
    }
    for (Node n : new Node[] {cn1, dn1}) {
      if (n != null) {
        n.close().await();
      }
    }
  }

  @Test
  void globalKillAcrossProcessesThenKill9DuringAGlobalKillIsReported() throws Exception {
    assertNull(kill(cn1, "global"));
    assertEquals(List.of("STOPPED", "STOPPED", "STOPPED"),
        table(cn1, "snapshot_workers").stream().map(r -> r.get(4)).toList());

    for (String n : List.of("cn1", "cn2", "cn3")) {
      io.snapsync.core.cluster.ClusterTrust.forVertx(cn1.vertx()).request(cn1.vertx(),
          WdrService.CONTROL_ADDRESS_PREFIX + n, new JsonObject().put("action", "start"), null)
          .await();
    }
    Child cn3 = CHILDREN.get(1);
    cn3.send("hang");
    cn3.line("HUNG").get(60, TimeUnit.SECONDS);

    Promise<String> result = Promise.promise();
    long t0 = System.nanoTime();
    Thread caller = new Thread(() -> {
      try {
        result.complete(failure(cn1, "admin", "kill_snapshot", "global"));
      } catch (Throwable e) {
        result.fail(e);
      }
    }, "kill-caller");
    caller.start();
    await(cn1.vertx(), () -> state(cn1) == WorkerState.STOPPED, "cn1's worker stopped");
    cn3.process().destroyForcibly();
    String f = result.future().await();
    long tookMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("55000 Kill snapshot thread failed\n"
        + "Snapshot worker not stopped on: cn3 (left the cluster during the kill)", f);
    assertTrue(tookMillis < 30_000, "returned after " + tookMillis + " ms, bound is 60 s");
    List<List<Object>> nodes = table(cn1, "cluster_nodes");
    assertEquals("left", nodes.stream().filter(r -> r.get(0).equals("cn3")).findFirst()
        .orElseThrow().get(4));
    assertEquals(List.of("STOPPED", "STOPPED"),
        table(cn1, "snapshot_workers").stream().map(r -> r.get(4)).toList());
  }
}
