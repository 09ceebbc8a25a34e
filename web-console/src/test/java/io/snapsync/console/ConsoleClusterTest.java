package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes on loopback Hazelcast (an embedded node and a second coordinator): the
 * console of the first shows both, with their roles, health and each coordinator's worker.
 */
class ConsoleClusterTest {

  @TempDir
  Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private JsonObject node(String name, String role, String cluster, int port, int... all) {
    JsonArray members = new JsonArray();
    for (int p : all) {
      members.add("127.0.0.1:" + p);
    }
    return new JsonObject().put("node", new JsonObject().put("name", name).put("role", role))
        .put("cluster", new JsonObject().put("enabled", true).put("name", cluster)
            .put("host", "127.0.0.1").put("port", port).put("members", members)
            // the nodes share the cluster's key material (docs/cluster.md, "Trust")
            .put("trust", new JsonObject().put("directory", dir.resolve("trust").toString())
                .put("generate", true)));
  }

  @Test
  void overviewListsEveryNodeWithItsWorker() throws Exception {
    String cluster = "console-" + UUID.randomUUID();
    int p1 = freePort();
    int p2 = freePort();
    Vertx vertx = Vertx.vertx();
    try (ConsoleTestNode a = ConsoleTestNode.start(dir.resolve("a"), null, Clock.systemUTC(),
            node("node1", "embedded", cluster, p1, p1, p2));
        ConsoleTestNode b = ConsoleTestNode.start(dir.resolve("b"), null, Clock.systemUTC(),
            node("cn2", "coordinator", cluster, p2, p1, p2))) {
      assertTrue(b.node.info().coordinator());
      WebClient http = WebClient.create(vertx);
      WebSocketClient wsClient = vertx.createWebSocketClient();
      int port = a.console.port();
      String origin = "http://127.0.0.1:" + port;
      HttpResponse<Buffer> login = http.post(port, "127.0.0.1", "/api/login")
          .putHeader("Origin", origin).sendJsonObject(new JsonObject().put("user", "admin")
              .put("password", ConsoleTestNode.ADMIN_PW)).await();
      String c = login.cookies().get(0).substring(0, login.cookies().get(0).indexOf(';'));
      WebSocket ws = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(port).setURI("/ws").addHeader("Origin", origin).addHeader("Cookie", c))
          .await();
      CompletableFuture<JsonObject> reply = new CompletableFuture<>();
      ws.textMessageHandler(t -> {
        JsonObject j = new JsonObject(t);
        if (Integer.valueOf(1).equals(j.getInteger("id"))) {
          reply.complete(j);
        }
      });
      ws.writeTextMessage(new JsonObject().put("id", 1).put("op", "overview").encode());
      JsonObject r = reply.get(20, TimeUnit.SECONDS);
      assertTrue(r.getBoolean("ok"), r.encode());
      JsonArray nodes = r.getJsonObject("result").getJsonArray("nodes");
      assertEquals(2, nodes.size(), nodes.encode());
      JsonObject n1 = nodes.getJsonObject(0);
      JsonObject n2 = nodes.getJsonObject(1);
      assertEquals("cn2", n1.getString("node"));
      assertEquals("coordinator", n1.getString("role"));
      assertEquals("up", n1.getString("health"));
      assertEquals("RUNNING", n1.getString("worker"));
      assertEquals("node1", n2.getString("node"));
      assertTrue(n2.getBoolean("self"));
      assertEquals("RUNNING", n2.getString("worker"));
      ws.close().await();
      wsClient.close().await();
      http.close();
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void overviewFollowsAKilledCoordinatorWithinASecond() throws Exception {
    String cluster = "console-" + UUID.randomUUID();
    int p1 = freePort();
    int p2 = freePort();
    Vertx vertx = Vertx.vertx();
    ConsoleTestNode b = null;
    try (ConsoleTestNode a = ConsoleTestNode.start(dir.resolve("a"), null, Clock.systemUTC(),
            node("node1", "embedded", cluster, p1, p1, p2))) {
      b = ConsoleTestNode.start(dir.resolve("b"), null, Clock.systemUTC(),
          node("cn2", "coordinator", cluster, p2, p1, p2));
      WebClient http = WebClient.create(vertx);
      WebSocketClient wsClient = vertx.createWebSocketClient();
      int port = a.console.port();
      String origin = "http://127.0.0.1:" + port;
      HttpResponse<Buffer> login = http.post(port, "127.0.0.1", "/api/login")
          .putHeader("Origin", origin).sendJsonObject(new JsonObject().put("user", "admin")
              .put("password", ConsoleTestNode.ADMIN_PW)).await();
      String c = login.cookies().get(0).substring(0, login.cookies().get(0).indexOf(';'));
      WebSocket ws = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(port).setURI("/ws").addHeader("Origin", origin).addHeader("Cookie", c))
          .await();
      CompletableFuture<JsonObject> before = new CompletableFuture<>();
      CompletableFuture<Long> pushedLeft = new CompletableFuture<>();
      java.util.concurrent.atomic.AtomicReference<JsonObject> leftView =
          new java.util.concurrent.atomic.AtomicReference<>();
      ws.textMessageHandler(t -> {
        JsonObject j = new JsonObject(t);
        if (Integer.valueOf(1).equals(j.getInteger("id"))) {
          before.complete(j.getJsonObject("result"));
        }
        if ("cluster".equals(j.getString("event"))) {
          JsonObject cn2 = j.getJsonObject("data").getJsonArray("nodes").getJsonObject(0);
          if ("left".equals(cn2.getString("health"))) {
            leftView.set(j.getJsonObject("data"));
            pushedLeft.complete(System.nanoTime());
          }
        }
      });
      ws.writeTextMessage(new JsonObject().put("id", 1).put("op", "overview").encode());
      JsonObject o = before.get(20, TimeUnit.SECONDS);
      assertEquals("up", o.getJsonArray("nodes").getJsonObject(0).getString("health"));
      assertEquals("RUNNING", o.getJsonArray("nodes").getJsonObject(0).getString("worker"));

      CompletableFuture<Long> noticed = new CompletableFuture<>();
      a.node.services().service(io.snapsync.core.cluster.ClusterMembership.class).orElseThrow()
          .onLeave(id -> noticed.complete(System.nanoTime()));
      // cn2's member dies as with kill -9: nothing is released or announced.
      ((io.vertx.spi.cluster.hazelcast.HazelcastClusterManager)
          ((io.vertx.core.internal.VertxInternal) b.node.vertx()).clusterManager())
          .getHazelcastInstance().getLifecycleService().terminate();
      long noticedAt = noticed.get(60, TimeUnit.SECONDS);
      long pushedAt = pushedLeft.get(5, TimeUnit.SECONDS);
      assertTrue(pushedAt - noticedAt < TimeUnit.SECONDS.toNanos(1),
          "pushed " + (pushedAt - noticedAt) / 1_000_000 + " ms after Hazelcast noticed");
      JsonObject cn2 = leftView.get().getJsonArray("nodes").getJsonObject(0);
      assertEquals("cn2", cn2.getString("node"));
      assertEquals(null, cn2.getString("worker"), "a dead node has no worker state");
      assertEquals("up", leftView.get().getJsonArray("nodes").getJsonObject(1)
          .getString("health"));
      ws.close().await();
      wsClient.close().await();
      http.close();
    } finally {
      if (b != null) {
        try {
          b.close();
        } catch (RuntimeException ignored) {
          // its cluster member is already gone
        }
      }
      vertx.close().await();
    }
  }
}
