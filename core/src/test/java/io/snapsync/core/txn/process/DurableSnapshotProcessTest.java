package io.snapsync.core.txn.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.Node;
import io.snapsync.core.security.impl.ScramVerifier;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable snapshots with real processes: the data node dn1 and the exporter's coordinator cn2
 * run in child JVMs ({@link SqlNodeProcess}), the importing coordinator cn1 in this JVM, one
 * Hazelcast cluster on loopback. A durable snapshot is imported after its exporter's session
 * ended, after a kill -9 of the exporter's coordinator, and after a kill -9 and restart of the
 * data node, each time reading exactly the exporter's state while a writer kept committing;
 * a release by a non-owner is refused with 42501. (The lease's end on an injected clock, and
 * the reclaim of its versions then, are in DurableSnapshotTest.)
 */
class DurableSnapshotProcessTest {

  private static final String ALICE = "alice";
  private static final String BOB = "bob";
  private static final String PW = "pw-of-";

  @TempDir
  Path dir;
  final String cluster = TestNodes.clusterName();
  final List<Integer> ports = List.of(TestNodes.freePort(), TestNodes.freePort(),
      TestNodes.freePort());
  final List<Child> children = new ArrayList<>();
  Node cn1;

  /** A child JVM and the lines it printed, in order. */
  record Child(Process process, LinkedBlockingQueue<String> lines) {

    String next() throws InterruptedException {
      String l = lines.poll(240, TimeUnit.SECONDS);
      if (l == null) {
        throw new AssertionError("child printed nothing in 240 s");
      }
      return l;
    }

    /** Runs {@code sql} as {@code user}; the rows of its last statement, or the SQLSTATE. */
    Object sql(String user, String sql) throws Exception {
      OutputStream out = process.getOutputStream();
      out.write((user + "\t" + PW + user + "\t" + sql + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String[] r = next().split("\t", 2);
      return r[0].equals("OK") ? new JsonArray(r[1]).getList() : r[1];
    }

    void closeSession(String user) throws Exception {
      OutputStream out = process.getOutputStream();
      out.write(("CLOSE\t" + user + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertEquals("CLOSED", next());
    }

    void kill9() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private io.snapsync.core.config.NodeConfig config(String name, String role, int i) {
    JsonArray users = new JsonArray();
    for (String u : List.of(ALICE, BOB)) {
      users.add(new JsonObject().put("name", u)
          .put("verifier", ScramVerifier.create(PW + u, 1).encode()));
    }
    return TestNodes.clusterConfig(dir, name, role, cluster, ports.get(i), ports)
        .with(new JsonObject().put("security", new JsonObject().put("users", users)));
  }

  private Child child(String name, String role, int i) throws Exception {
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp,
        SqlNodeProcess.class.getName(), config(name, role, i).toJson().encode());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
    Process p = pb.start();
    Child c = new Child(p, new LinkedBlockingQueue<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          c.lines().add(l.trim());
        }
      } catch (java.io.IOException ignored) {
        // the child ended
      }
    }, "child-" + name);
    reader.setDaemon(true);
    reader.start();
    children.add(c);
    assertEquals("READY", c.next());
    return c;
  }

  @AfterEach
  void stop() throws Exception {
    for (Child c : children) {
      if (c.process().isAlive()) {
        c.process().getOutputStream().close();
        if (!c.process().waitFor(60, TimeUnit.SECONDS)) {
          c.process().destroyForcibly();
        }
      }
    }
    if (cn1 != null) {
      cn1.close().await();
    }
  }

  private Session session(String user) {
    return cn1.services().service(SessionManager.class).orElseThrow()
        .open(user, PW + user, null).await();
  }

  private static List<List<Object>> exec(Session s, String sql) {
    List<StatementResult> r = s.execute(sql).await();
    return r.get(r.size() - 1).rows();
  }

  /** Imports {@code id} on cn1 in a new REPEATABLE READ transaction of a new session. */
  private List<List<Object>> importAndRead(String id) {
    Session s = session(ALICE);
    try {
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT '" + id + "'");
      List<List<Object>> rows = exec(s, "SELECT id, v FROM t ORDER BY id");
      exec(s, "COMMIT");
      return rows;
    } finally {
      s.close().await();
    }
  }

  /** Waits (bounded) until cn1 runs statements on a data node again. */
  private void awaitDataNode() {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (true) {
      try {
        Session s = session(BOB);
        try {
          exec(s, "SELECT count(*) FROM t");
          return;
        } finally {
          s.close().await();
        }
      } catch (SnapsyncException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        cn1.vertx().timer(200).await();
      }
    }
  }

  private static List<List<Object>> rows(Object... idAndValue) {
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < idAndValue.length; i += 2) {
      out.add(List.of(idAndValue[i], idAndValue[i + 1]));
    }
    return out;
  }

  @Test
  void durableSnapshotsOutliveTheirSessionTheirCoordinatorAndADataNodeKill9() throws Exception {
    Child dn1 = child("dn1", "datanode", 0);
    cn1 = Node.start(config("cn1", "coordinator", 1)).await();
    Child cn2 = child("cn2", "coordinator", 2);

    assertEquals(List.of(), cn2.sql(ALICE, "CREATE TABLE t (id int PRIMARY KEY, v text)"));
    cn2.sql(ALICE, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    cn2.sql(ALICE, "GRANT ALL ON t TO bob");
    String first = (String) ((List<?>) ((List<?>) cn2.sql(ALICE,
        "SELECT snapsync_export_snapshot('1 hour')")).get(0)).get(0);
    Session writer = session(ALICE);
    exec(writer, "UPDATE t SET v = 'changed' WHERE id = 1; INSERT INTO t VALUES (3, 'c')");

    // 1. the exporter's session ended
    cn2.closeSession(ALICE);
    exec(writer, "DELETE FROM t WHERE id = 2");
    assertEquals(rows(1, "a", 2, "b"), importAndRead(first));

    // 2. kill -9 of the exporter's coordinator, its session inside a block
    cn2.sql(ALICE, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    String second = (String) ((List<?>) ((List<?>) cn2.sql(ALICE,
        "SELECT snapsync_export_snapshot('1 hour')")).get(0)).get(0);
    exec(writer, "UPDATE t SET v = 'again' WHERE id = 3");
    cn2.kill9();
    exec(writer, "INSERT INTO t VALUES (4, 'd')");
    assertEquals(rows(1, "changed", 3, "c"), importAndRead(second));
    assertEquals(rows(1, "a", 2, "b"), importAndRead(first));

    // 3. kill -9 of the data node, restarted on its data directory
    dn1.kill9();
    child("dn1", "datanode", 0);
    awaitDataNode();
    writer = session(ALICE);
    exec(writer, "UPDATE t SET v = 'after restart' WHERE id = 1; DELETE FROM t WHERE id = 3");
    assertEquals(rows(1, "a", 2, "b"), importAndRead(first));
    assertEquals(rows(1, "changed", 3, "c"), importAndRead(second));
    assertEquals(rows(1, "after restart", 4, "d"), exec(writer, "SELECT id, v FROM t ORDER BY id"));

    // 4. only the owner (or SYSADMIN) releases it
    Session bob = session(BOB);
    SnapsyncException refused = org.junit.jupiter.api.Assertions.assertThrows(
        SnapsyncException.class,
        () -> exec(bob, "SELECT snapsync_release_snapshot('" + first + "')"));
    assertEquals("42501", refused.sqlState());
    assertEquals(List.of(List.of(true)),
        exec(writer, "SELECT snapsync_release_snapshot('" + first + "')"));
    bob.close().await();
    writer.close().await();
  }
}
