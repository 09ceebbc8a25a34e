package io.snapsync.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.eventbus.SnapsyncClient.ApiException;
import io.snapsync.core.node.Node;
import io.snapsync.core.settings.impl.SettingsRegistryImpl;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: processes that join the cluster by its name are not trusted. Two embedded nodes
 * (n1, n2) share the cluster's key material; a service holds the service certificate and a
 * password; a rogue holds the service certificate but not the cluster secret; a stranger joins
 * Hazelcast with the cluster name and nothing else. All in this JVM, on loopback.
 */
class RogueMemberTest {

  @TempDir
  static Path dir;
  static final String CLUSTER = TestNodes.clusterName();
  static final List<Integer> PORTS = List.of(TestNodes.freePort(), TestNodes.freePort(),
      TestNodes.freePort(), TestNodes.freePort(), TestNodes.freePort());
  static Node n1;
  static Node n2;
  static Vertx service;
  static Vertx rogue;
  static Vertx stranger;

  @BeforeAll
  static void start() {
    n1 = Node.start(TestNodes.clusterConfig(dir, "n1", "embedded", CLUSTER, PORTS.get(0), PORTS))
        .await();
    n2 = Node.start(TestNodes.clusterConfig(dir, "n2", "embedded", CLUSTER, PORTS.get(1), PORTS))
        .await();
    service = TestNodes.service(CLUSTER, PORTS.get(2), PORTS);
    rogue = TestNodes.service(CLUSTER, PORTS.get(3), PORTS);
    stranger = Vertx.builder().withClusterManager(new HazelcastClusterManager(
        ClusterConfigs.hazelcast(CLUSTER, "127.0.0.1", PORTS.get(4),
            PORTS.stream().map(p -> "127.0.0.1:" + p).toList()))).buildClustered().await();
  }

  @AfterAll
  static void stop() {
    for (Vertx v : new Vertx[] {stranger, rogue, service}) {
      if (v != null) {
        v.close().await();
      }
    }
    Future.join(n2 == null ? Future.succeededFuture() : n2.close(),
        n1 == null ? Future.succeededFuture() : n1.close()).await();
  }

  private static ApiException refused(Vertx from, String address, JsonObject body) {
    return assertThrows(ApiException.class,
        () -> new SnapsyncClient(from, 10_000).request(address, body).await());
  }

  private static void assertNotMember(ApiException e) {
    assertEquals(401, e.code());
    assertEquals("28000", e.sqlState());
    assertEquals("cluster.not_member", e.json().getString("messageId"));
  }

  @Test
  void serviceWithPasswordStillWorks() {
    SnapsyncClient.ClientSession s = new SnapsyncClient(service, 30_000)
        .open("n1", TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null).await();
    assertEquals("[[1]]", s.rows("SELECT 1").await().encode());
    s.close().await();
  }

  @Test
  void serviceWithoutPasswordGetsNoSession() {
    ApiException e = refused(service, "snapsync.n1.session.open",
        new JsonObject().put("user", "admin").put("password", "wrong"));
    assertEquals("28P01", e.sqlState());
  }

  @Test
  void rogueBackendOpenAsAdminIsRefused() {
    int before = backendSessions(n1);
    assertNotMember(refused(rogue, BackendEndpoint.address("n1"),
        new JsonObject().put("op", "open").put("user", "admin")));
    assertNotMember(refused(rogue, BackendEndpoint.address("n1"),
        new JsonObject().put("op", "execute").put("sessionId", "x")
            .put("sql", "ALTER SYSTEM SET lc_messages = 'zh_CN.UTF-8'")));
    assertEquals(before, backendSessions(n1));
  }

  @Test
  void forgedAndReplayedProofsAreRefused() {
    // The rogue learns a real member's signed message by consuming a published one.
    Promise<Message<JsonObject>> seen = Promise.promise();
    var spy = rogue.eventBus().<JsonObject>consumer(SettingsRegistryImpl.CHANGED_ADDRESS,
        seen::tryComplete);
    spy.completion().await();
    try {
      TestNodes.client(n1).open("n1", TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null)
          .compose(s -> s.execute("ALTER SYSTEM SET eventbus_session_idle_timeout = '11min'")
              .compose(r -> s.close()))
          .await();
      Message<JsonObject> real = seen.future().await();
      spy.unregister().await();
      assertTrue(real.headers().contains(ClusterTrust.SIGNATURE));
      // Same proof, other address, or other body: refused. (Sent from the other holder of the
      // service certificate, whose subscriptions did not just change.)
      for (var attempt : List.of(
          new Object[] {BackendEndpoint.address("n1"), real.body()},
          new Object[] {SettingsRegistryImpl.CHANGED_ADDRESS,
              real.body().copy().put("value", "1min")})) {
        DeliveryOptions o = new DeliveryOptions().setSendTimeout(10_000);
        real.headers().forEach(h -> o.addHeader(h.getKey(), h.getValue()));
        ReplyException re = assertThrows(ReplyException.class, () -> service.eventBus()
            .request((String) attempt[0], attempt[1], o).await());
        assertEquals(401, re.failureCode());
        assertTrue(re.getMessage().contains("\"28000\""), re.getMessage());
      }
      // The very message again (a replay) to a node that has seen it: refused too.
      DeliveryOptions o = new DeliveryOptions().setSendTimeout(10_000);
      real.headers().forEach(h -> o.addHeader(h.getKey(), h.getValue()));
      ReplyException re = assertThrows(ReplyException.class, () -> service.eventBus().request(
          SettingsRegistryImpl.CHANGED_ADDRESS, real.body(), o).await());
      assertEquals(401, re.failureCode());
    } finally {
      spy.unregister();
    }
  }

  @Test
  void rogueSettingChangeIsRefusedAndMembersStillPropagate() {
    // A send proves what a publish would get: the members' consumer refuses it unseen.
    assertNotMember(refused(rogue, SettingsRegistryImpl.CHANGED_ADDRESS, new JsonObject()
        .put("name", "lc_messages").put("value", "zh_CN.UTF-8").put("origin", "rogue")));
    assertNotEquals("zh_CN.UTF-8", n1.services().settings().nodeValue("lc_messages"));
    // A member's ALTER SYSTEM still reaches the other member.
    Promise<String> reached = Promise.promise();
    n2.services().settings().addListener((name, value) -> {
      if (name.equals("eventbus_session_idle_timeout")) {
        reached.tryComplete(value);
      }
    });
    TestNodes.client(n1).open("n1", TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null)
        .compose(s -> s.execute("ALTER SYSTEM SET eventbus_session_idle_timeout = '12min'")
            .compose(r -> s.close()))
        .await();
    assertTrue(reached.future().await().startsWith("12"), "propagated");
  }

  @Test
  void rogueCannotReadUsersOrVerifiers() {
    assertNotMember(refused(rogue, io.snapsync.core.security.impl.UsersEndpoint.address("n1"),
        new JsonObject().put("since", -1)));
  }

  @Test
  void hazelcastEntriesWrittenByARogueAreIgnored() {
    String rogueId = ClusterConfigs.nodeId(rogue);
    stranger.sharedData().<String, JsonObject>getAsyncMap(ClusterMembership.MAP)
        .compose(m -> m.put("evil", new JsonObject().put("nodeId", rogueId)
            .put("role", "datanode").put("address", "127.0.0.1:1")))
        .await();
    rogue.sharedData().<String, JsonObject>getAsyncMap(ClusterMembership.MAP)
        .compose(m -> m.put("evil2", new JsonObject().put("nodeId", rogueId)
            .put("role", "datanode").put("address", "127.0.0.1:1").put("sig", "AAAA")))
        .await();
    List<String> names = n1.services().service(ClusterMembership.class).orElseThrow().nodes()
        .await().stream().map(ClusterNode::name).toList();
    assertEquals(List.of("n1", "n2"), names);
  }

  @Test
  void strangerWithoutCertificateCannotReachAnyNode() {
    // Even with the right password: the TLS handshake fails, nothing is delivered.
    ReplyException re = assertThrows(ReplyException.class, () -> stranger.eventBus()
        .request("snapsync.n1.session.open", new JsonObject().put("user", "admin")
            .put("password", TestNodes.ADMIN_PASSWORD), new DeliveryOptions().setSendTimeout(3000))
        .await());
    assertEquals(io.vertx.core.eventbus.ReplyFailure.TIMEOUT, re.failureType());
    int before = backendSessions(n1);
    assertThrows(ReplyException.class, () -> stranger.eventBus()
        .request(BackendEndpoint.address("n1"), new JsonObject().put("op", "open")
            .put("user", "admin"), new DeliveryOptions().setSendTimeout(3000)).await());
    assertEquals(before, backendSessions(n1));
  }

  private static int backendSessions(Node n) {
    return n.backend().orElseThrow().openSessions();
  }
}
