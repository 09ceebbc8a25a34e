package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.stats.StatementStats;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18: every console request gets its reply, also when the browser reads slower than
 * the node answers. The socket used to drop any message while its write queue was full, so a
 * reply could be lost and the page waited forever (the hang of
 * {@code ConsoleSecurityTest.monadminMayReadButNotChangeSettings}). The client here stops
 * reading until the node has run every statement, so the queue is full for most replies.
 */
class ConsoleRepliesTest {

  @TempDir
  Path dir;

  private static final int REQUESTS = 40;
  private static final String SQL = "SELECT repeat('x', 1000000) AS big";

  @Test
  void repliesAreNeverDroppedWhenTheBrowserReadsSlowly() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ConsoleTestNode node = ConsoleTestNode.start(dir, null)) {
      WebClient http = WebClient.create(vertx);
      WebSocketClient wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
          .setMaxMessageSize(4_000_000).setMaxFrameSize(4_000_000));
      String origin = "http://127.0.0.1:" + node.console.port();
      HttpResponse<Buffer> login = http.post(node.console.port(), "127.0.0.1", "/api/login")
          .putHeader("Origin", origin).sendJsonObject(new JsonObject().put("user", "admin")
              .put("password", ConsoleTestNode.ADMIN_PW)).await();
      String set = login.cookies().stream().filter(c -> c.startsWith(ConsoleServer.COOKIE + "="))
          .findFirst().orElseThrow();
      WebSocket ws = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(node.console.port()).setURI("/ws").addHeader("Origin", origin)
          .addHeader("Cookie", set.substring(0, set.indexOf(';')))).await();
      Set<Integer> replied = ConcurrentHashMap.newKeySet();
      CompletableFuture<Void> all = new CompletableFuture<>();
      ws.textMessageHandler(t -> {
        JsonObject j = new JsonObject(t);
        Integer id = j.getInteger("id");
        if (id != null) {
          assertTrue(j.getBoolean("ok"), t.length() > 300 ? t.substring(0, 300) : t);
          replied.add(id);
          if (replied.size() == REQUESTS) {
            all.complete(null);
          }
        }
      });
      ws.pause();
      long before = calls(node);
      for (int i = 1; i <= REQUESTS; i++) {
        ws.writeTextMessage(new JsonObject().put("id", i).put("op", "sql").put("sql", SQL)
            .encode());
      }
      // the node has run every statement (and so written or dropped every reply)
      for (int i = 0; i < 12_000 && calls(node) < before + REQUESTS; i++) {
        vertx.timer(5).await();
      }
      assertEquals(before + REQUESTS, calls(node));
      ws.resume();
      all.get(60, TimeUnit.SECONDS);
      assertEquals(REQUESTS, replied.size());
      ws.close().await();
      wsClient.close().await();
      http.close();
    } finally {
      vertx.close().await();
    }
  }

  private static long calls(ConsoleTestNode node) {
    long n = 0;
    for (StatementStats s : node.node.services().stats().statements()) {
      if (s.query().contains("repeat")) {
        n += s.calls();
      }
    }
    return n;
  }
}
