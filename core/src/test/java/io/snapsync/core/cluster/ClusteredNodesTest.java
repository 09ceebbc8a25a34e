package io.snapsync.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.ConfigException;
import io.snapsync.core.eventbus.Addresses;
import io.snapsync.core.eventbus.EventBusApi;
import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.node.Node;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two snapsync nodes and a plain Vert.x service in one Hazelcast cluster on loopback.
 */
class ClusteredNodesTest {

  @TempDir
  static Path dir;
  static Node n1;
  static Node n2;
  static Vertx service;
  static SnapsyncClient client;
  static String cluster = TestNodes.clusterName();
  static int p1 = TestNodes.freePort();
  static int p2 = TestNodes.freePort();
  static int p3 = TestNodes.freePort();

  @BeforeAll
  static void start() {
    List<Integer> members = List.of(p1, p2, p3);
    n1 = Node.start(TestNodes.clusterConfig(dir, "n1", "embedded", cluster, p1, members)).await();
    n2 = Node.start(TestNodes.clusterConfig(dir, "n2", "embedded", cluster, p2, members)).await();
    service = TestNodes.service(cluster, p3, members);
    client = new SnapsyncClient(service, 30_000);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close().await();
    }
    Future.join(n2 == null ? Future.succeededFuture() : n2.close(),
        n1 == null ? Future.succeededFuture() : n1.close()).await();
  }

  @Test
  void plainVertxServiceOpensSessionsOnEitherNode() {
    SnapsyncClient.ClientSession s1 = client.open("n1", TestNodes.ADMIN,
        TestNodes.ADMIN_PASSWORD, null).await();
    assertEquals("n1", s1.node());
    SnapsyncClient.ClientSession s2 = client.open("n2", TestNodes.ADMIN,
        TestNodes.ADMIN_PASSWORD, new JsonObject().put("lc_messages", "zh_CN.UTF-8")).await();
    assertEquals("n2", s2.node());
    assertEquals("UTC", s1.rows("SHOW TimeZone").await().getJsonArray(0).getString(0));
    SnapsyncClient.ApiException e = assertInstanceOf(SnapsyncClient.ApiException.class,
        assertThrows(Exception.class, () -> s2.execute("SHOW nope").await()));
    assertEquals("无法识别的配置参数 \"nope\"", e.json().getString("message"));
    // cluster-wide execute/close reach the owning node whichever coordinator takes them
    for (int i = 0; i < 6; i++) {
      JsonObject r = client.request(Addresses.cluster(Addresses.EXECUTE), new JsonObject()
          .put("sessionId", s1.id()).put("sql", "SHOW TimeZone")).await();
      assertEquals("UTC", r.getJsonArray("results").getJsonObject(0).getJsonArray("rows")
          .getJsonArray(0).getString(0));
    }
    SnapsyncClient.ApiException relayed = assertInstanceOf(SnapsyncClient.ApiException.class,
        assertThrows(Exception.class, () -> client.request(Addresses.cluster(Addresses.EXECUTE),
            new JsonObject().put("sessionId", s2.id()).put("sql", "SHOW nope")).await()));
    assertEquals("42704", relayed.sqlState());
    SnapsyncClient.ApiException unknown = assertInstanceOf(SnapsyncClient.ApiException.class,
        assertThrows(Exception.class, () -> client.request(Addresses.cluster(Addresses.EXECUTE),
            new JsonObject().put("sessionId", "nosuchnode.x").put("sql", "SHOW nope")).await()));
    assertEquals("08003", unknown.sqlState());
    SnapsyncClient.ClientSession any = client.open(null, TestNodes.ADMIN,
        TestNodes.ADMIN_PASSWORD, null).await();
    assertTrue(List.of("n1", "n2").contains(any.node()));
    s1.close().await();
    s2.close().await();
    any.close().await();
  }

  @Test
  void alterSystemOnOneNodeIsAppliedAndPersistedOnTheOther() throws Exception {
    Promise<String> seen = Promise.promise();
    n2.services().settings().addListener((name, value) -> {
      if (name.equals("eventbus_session_idle_timeout")) {
        seen.tryComplete(value);
      }
    });
    SnapsyncClient.ClientSession s = client.open("n1", TestNodes.ADMIN,
        TestNodes.ADMIN_PASSWORD, null).await();
    s.execute("ALTER SYSTEM SET eventbus_session_idle_timeout = '20min'").await();
    assertEquals("20min", seen.future().await());
    assertEquals("20min", n2.services().settings().nodeValue("eventbus_session_idle_timeout"));
    assertTrue(Files.readString(n2.services().dataDirectory().resolve("snapsync.auto.conf.json"))
        .contains("20min"));
    s.execute("ALTER SYSTEM SET statement_timeout = '7s'").await();
    // a node joining later takes the cluster's ALTER SYSTEM values
    int p = TestNodes.freePort();
    Node late = Node.start(TestNodes.clusterConfig(dir, "late", "embedded", cluster, p,
        List.of(p1, p))).await();
    try {
      assertEquals("20min", late.services().settings().nodeValue("eventbus_session_idle_timeout"));
      assertEquals("7s", late.services().settings().nodeValue("statement_timeout"));
    } finally {
      late.close().await();
    }
    s.execute("ALTER SYSTEM RESET eventbus_session_idle_timeout").await();
    s.execute("ALTER SYSTEM RESET statement_timeout").await();
    s.close().await();
  }

  @Test
  void aSecondNodeWithTheSameNameFailsToStart() {
    int p = TestNodes.freePort();
    ConfigException e = assertInstanceOf(ConfigException.class, assertThrows(Exception.class,
        () -> Node.start(TestNodes.clusterConfig(dir.resolve("dup"), "n1", "embedded", cluster,
            p, List.of(p1, p))).await()));
    assertEquals("node.name", e.key());
    assertTrue(e.getMessage().endsWith("a node named \"n1\" is already running in cluster \""
        + cluster + "\""), e.getMessage());
    // the first n1 still serves
    assertEquals("n1", client.request(Addresses.node("n1", Addresses.API),
        new JsonObject().put("op", "ping")).await().getString("node"));
  }

  @Test
  void sessionsOfADepartedServiceAreClosed() throws Exception {
    List<Integer> members = List.of(p1, p2, p3);
    int p4 = TestNodes.freePort();
    Vertx other = TestNodes.service(cluster, p4, members);
    SnapsyncClient c = new SnapsyncClient(other, 30_000);
    EventBusApi api = n1.api().orElseThrow();
    int before = api.openSessions();
    c.open("n1", TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null).await();
    c.open("n1", TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null).await();
    assertEquals(before + 2, api.openSessions());
    other.close().await();
    Promise<Void> cleaned = Promise.promise();
    n1.vertx().setPeriodic(20, t -> {
      if (api.openSessions() == before) {
        n1.vertx().cancelTimer(t);
        cleaned.tryComplete();
      }
    });
    n1.vertx().setTimer(20_000, t -> cleaned.tryFail("sessions of the departed node remain"));
    cleaned.future().await();
    JsonObject ping = client.request(Addresses.node("n1", Addresses.API),
        new JsonObject().put("op", "ping")).await();
    assertEquals(before, ping.getInteger("sessions"));
  }
}
