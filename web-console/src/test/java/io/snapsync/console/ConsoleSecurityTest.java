package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, cookie, Origin and role checks over plain HTTP and WebSocket clients. */
class ConsoleSecurityTest {

  @TempDir
  static Path dir;

  static ConsoleTestNode node;
  static Vertx vertx;
  static WebClient http;
  static WebSocketClient wsClient;

  @BeforeAll
  static void start() {
    node = ConsoleTestNode.start(dir, new JsonObject().put("allowedOrigins",
        new io.vertx.core.json.JsonArray().add("https://admin.example.com")));
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
    wsClient = vertx.createWebSocketClient();
  }

  @AfterAll
  static void stop() {
    if (wsClient != null) {
      wsClient.close().await();
    }
    if (http != null) {
      http.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (node != null) {
      node.close();
    }
  }

  private String origin() {
    return "http://127.0.0.1:" + node.console.port();
  }

  private HttpResponse<Buffer> login(String user, String password, String origin) {
    var req = http.post(node.console.port(), "127.0.0.1", "/api/login");
    if (origin != null) {
      req.putHeader("Origin", origin);
    }
    return req.sendJsonObject(new JsonObject().put("user", user).put("password", password))
        .await();
  }

  private static String cookie(HttpResponse<Buffer> r) {
    String set = r.cookies().stream().filter(c -> c.startsWith(ConsoleServer.COOKIE + "="))
        .findFirst().orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  @Test
  void adminSignsInWithAnHttpOnlyStrictCookie() {
    HttpResponse<Buffer> r = login("admin", ConsoleTestNode.ADMIN_PW, origin());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    String set = r.cookies().get(0);
    assertTrue(set.toLowerCase(java.util.Locale.ROOT).contains("httponly"), set);
    assertTrue(set.contains("SameSite=Strict"), set);
    assertEquals("admin", r.bodyAsJsonObject().getString("user"));
    assertTrue(r.bodyAsJsonObject().getBoolean("sysadmin"));
    HttpResponse<Buffer> me = http.get(node.console.port(), "127.0.0.1", "/api/me")
        .putHeader("Cookie", cookie(r)).send().await();
    assertEquals(200, me.statusCode());
  }

  @Test
  void wrongPasswordAndOrdinaryUserAreRefused() {
    HttpResponse<Buffer> bad = login("admin", "nope", origin());
    assertEquals(401, bad.statusCode());
    assertEquals("28P01", bad.bodyAsJsonObject().getJsonObject("error").getString("sqlState"));
    assertTrue(bad.cookies().isEmpty());
    HttpResponse<Buffer> alice = login("alice", ConsoleTestNode.ALICE_PW, origin());
    assertEquals(403, alice.statusCode());
    JsonObject e = alice.bodyAsJsonObject().getJsonObject("error");
    assertEquals("42501", e.getString("sqlState"));
    assertEquals("permission denied for admin console", e.getString("message"));
    assertTrue(alice.cookies().isEmpty());
  }

  /** A raw HTTP sign-in with the given Host and Origin headers; returns the status code. */
  private int rawLogin(String host, String origin) throws java.io.IOException {
    String body = new JsonObject().put("user", "admin").put("password", ConsoleTestNode.ADMIN_PW)
        .encode();
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", node.console.port())) {
      s.setSoTimeout(10_000);
      String req = "POST /api/login HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
          + "\r\nConnection: close\r\n\r\n" + body;
      s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(
          s.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)).readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void aHostHeaderMatchingAForeignOriginDoesNotVouchForIt() throws Exception {
    assertEquals(403, rawLogin("evil.example", "http://evil.example"));
    assertEquals(403, rawLogin("evil.example:" + node.console.port(),
        "http://evil.example:" + node.console.port()));
    assertEquals(200, rawLogin("evil.example", origin()), "the listen address's own origin");
    assertEquals(200, rawLogin("127.0.0.1", "http://localhost:" + node.console.port()),
        "a loopback console accepts the loopback spellings");
    assertEquals(200, rawLogin("admin.example.com", "https://admin.example.com"),
        "an origin of allowedOrigins");
  }

  @Test
  void loginFromAForeignOriginOrWithoutOneIsRefused() {
    assertEquals(403, login("admin", ConsoleTestNode.ADMIN_PW, "http://evil.example").statusCode());
    assertEquals(403, login("admin", ConsoleTestNode.ADMIN_PW, null).statusCode());
  }

  @Test
  void webSocketNeedsASessionAndTheConsolesOrigin() throws Exception {
    // no cookie
    assertEquals(401, handshakeStatus(null, origin()));
    String c = cookie(login("admin", ConsoleTestNode.ADMIN_PW, origin()));
    // foreign origin with a valid cookie
    assertEquals(403, handshakeStatus(c, "http://evil.example"));
    // a forged cookie
    assertEquals(401, handshakeStatus(ConsoleServer.COOKIE + "=forged", origin()));
    // the right origin and cookie: the socket says hello and answers requests
    WebSocket ws = connect(c, origin()).await();
    CompletableFuture<JsonObject> hello = new CompletableFuture<>();
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    ws.textMessageHandler(t -> {
      JsonObject j = new JsonObject(t);
      if (Integer.valueOf(6).equals(j.getInteger("id"))) {
        hello.complete(j);
      } else if (Integer.valueOf(7).equals(j.getInteger("id"))) {
        reply.complete(j);
      }
    });
    ws.writeTextMessage(new JsonObject().put("id", 6).put("op", "whoami").encode());
    ws.writeTextMessage(new JsonObject().put("id", 7).put("op", "no_such_op").encode());
    assertEquals("admin", hello.get(10, TimeUnit.SECONDS).getJsonObject("result")
        .getString("user"));
    JsonObject r = reply.get(10, TimeUnit.SECONDS);
    assertFalse(r.getBoolean("ok"));
    assertEquals("unknown console operation \"no_such_op\"",
        r.getJsonObject("error").getString("message"));
    ws.close().await();
  }

  @Test
  void reportAndPromptErrorsCarryTheNodesMessages() throws Exception {
    String c = cookie(login("monitor", ConsoleTestNode.MONITOR_PW, origin()));
    WebSocket ws = connect(c, origin()).await();
    java.util.Map<Integer, CompletableFuture<JsonObject>> replies = new java.util.HashMap<>();
    for (int i = 1; i <= 4; i++) {
      replies.put(i, new CompletableFuture<>());
    }
    ws.textMessageHandler(t -> {
      JsonObject j = new JsonObject(t);
      Integer id = j.getInteger("id");
      if (id != null && replies.containsKey(id)) {
        replies.get(id).complete(j);
      }
    });
    ws.writeTextMessage(new JsonObject().put("id", 1).put("op", "report").put("begin", 100)
        .put("end", 101).encode());
    ws.writeTextMessage(new JsonObject().put("id", 2).put("op", "report").put("begin", 1)
        .put("end", 2).put("type", "bogus").encode());
    ws.writeTextMessage(new JsonObject().put("id", 3).put("op", "sql")
        .put("sql", "SELECT * FROM no_such_table").encode());
    ws.writeTextMessage(new JsonObject().put("id", 4).put("op", "kill").put("scope", "everywhere")
        .encode());
    JsonObject r1 = replies.get(1).get(10, TimeUnit.SECONDS);
    assertEquals("snapshot id is invalid", r1.getJsonObject("error").getString("message"));
    JsonObject r2 = replies.get(2).get(10, TimeUnit.SECONDS);
    assertFalse(r2.getBoolean("ok"));
    JsonObject r3 = replies.get(3).get(10, TimeUnit.SECONDS);
    assertTrue(r3.getBoolean("ok"), "the prompt answers with the error inside the result");
    assertEquals("42P01", r3.getJsonObject("result").getJsonObject("error").getString("sqlState"));
    JsonObject r4 = replies.get(4).get(10, TimeUnit.SECONDS);
    assertEquals("08P01", r4.getJsonObject("error").getString("sqlState"));
    ws.close().await();
  }

  @Test
  void monadminMayReadButNotChangeSettings() throws Exception {
    String c = cookie(login("monitor", ConsoleTestNode.MONITOR_PW, origin()));
    WebSocket ws = connect(c, origin()).await();
    CompletableFuture<JsonObject> settings = new CompletableFuture<>();
    CompletableFuture<JsonObject> alter = new CompletableFuture<>();
    CompletableFuture<JsonObject> take = new CompletableFuture<>();
    ws.textMessageHandler(t -> {
      JsonObject j = new JsonObject(t);
      Integer id = j.getInteger("id");
      if (id != null) {
        (id == 1 ? settings : id == 2 ? alter : take).complete(j);
      }
    });
    ws.writeTextMessage(new JsonObject().put("id", 1).put("op", "settings").encode());
    ws.writeTextMessage(new JsonObject().put("id", 2).put("op", "set_setting")
        .put("name", "wdr_snapshot_retention_days").put("value", "9").encode());
    ws.writeTextMessage(new JsonObject().put("id", 3).put("op", "take_snapshot").encode());
    assertTrue(settings.get(10, TimeUnit.SECONDS).getBoolean("ok"));
    JsonObject a = alter.get(10, TimeUnit.SECONDS);
    assertFalse(a.getBoolean("ok"));
    assertEquals("permission denied for ALTER SYSTEM", a.getJsonObject("error").getString("message"));
    // take_snapshot runs the WDR collectors: allow for a busy machine
    JsonObject t = take.get(30, TimeUnit.SECONDS);
    assertFalse(t.getBoolean("ok"));
    assertEquals("permission denied for create WDR Snapshot",
        t.getJsonObject("error").getString("message"));
    ws.close().await();
  }

  @Test
  void signOutEndsTheSessionAndItsSqlSessions() {
    int before = node.node.sessions().orElseThrow().sessions().size();
    String c = cookie(login("admin", ConsoleTestNode.ADMIN_PW, origin()));
    assertEquals(before + 2, node.node.sessions().orElseThrow().sessions().size());
    HttpResponse<Buffer> out = http.post(node.console.port(), "127.0.0.1", "/api/logout")
        .putHeader("Cookie", c).putHeader("Origin", origin()).send().await();
    assertEquals(204, out.statusCode());
    assertEquals(before, node.node.sessions().orElseThrow().sessions().size());
    assertEquals(401, http.get(node.console.port(), "127.0.0.1", "/api/me")
        .putHeader("Cookie", c).send().await().statusCode());
  }

  @Test
  void pageAndWebJarsAreServedWithAContentSecurityPolicy() {
    HttpResponse<Buffer> page = http.get(node.console.port(), "127.0.0.1", "/").send().await();
    assertEquals(200, page.statusCode());
    assertNotNull(page.getHeader("Content-Security-Policy"));
    String html = page.bodyAsString();
    assertFalse(html.contains("{{"), "versions filled in");
    String chart = html.replaceAll("(?s).*src=\"(/webjars/chart.js/[^\"]+)\".*", "$1");
    assertEquals(200, http.get(node.console.port(), "127.0.0.1", chart).send().await()
        .statusCode(), chart);
  }

  private io.vertx.core.Future<WebSocket> connect(String cookie, String origin) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(node.console.port()).setURI("/ws").addHeader("Origin", origin);
    if (cookie != null) {
      o.addHeader("Cookie", cookie);
    }
    return wsClient.connect(o);
  }

  private int handshakeStatus(String cookie, String origin) {
    try {
      connect(cookie, origin).await();
      return 101;
    } catch (io.vertx.core.http.UpgradeRejectedException e) {
      return e.getStatus();
    }
  }
}
