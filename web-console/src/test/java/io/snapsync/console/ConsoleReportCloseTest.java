package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18: a browser that closes its WebSocket while a WDR report is being rendered for it
 * leaves no work behind. The report (held by the test until the socket has closed) is the last
 * thing done for it: the load-profile series of up to 30 more reports is not started, and the
 * closed socket gets nothing (no reply, no Java text).
 */
class ConsoleReportCloseTest {

  @TempDir
  Path dir;

  @Test
  void closingTheSocketDuringAReportStopsTheRestOfItsWork() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ConsoleTestNode node = ConsoleTestNode.start(dir, null)) {
      WdrService real = node.node.services().service(WdrService.class).orElseThrow();
      for (int i = 0; i < 3; i++) {
        real.requestSnapshot("admin").compose(WdrService.SnapshotRequest::outcome).await();
      }
      long first = real.listSnapshots().await().get(0).snapshotId();
      long last = real.listSnapshots().await().get(2).snapshotId();
      // the console asks the node's WdrService at each request: count and hold its reports
      AtomicInteger reports = new AtomicInteger();
      AtomicInteger listings = new AtomicInteger();
      Promise<Void> release = Promise.promise();
      CompletableFuture<Void> reportStarted = new CompletableFuture<>();
      WdrService counting = (WdrService) Proxy.newProxyInstance(
          WdrService.class.getClassLoader(), new Class<?>[] {WdrService.class},
          (proxy, method, args) -> {
            if (method.getName().equals("report")) {
              reports.incrementAndGet();
              reportStarted.complete(null);
              return real.report((ReportRequest) args[0])
                  .compose(rep -> release.future().map(rep));
            }
            if (method.getName().equals("listSnapshots")) {
              listings.incrementAndGet();
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      node.node.services().registerService(WdrService.class, counting);

      WebSocket ws = connect(vertx, node);
      List<String> received = new CopyOnWriteArrayList<>();
      ws.textMessageHandler(received::add);
      ws.writeTextMessage(new JsonObject().put("id", 1).put("op", "report").put("begin", first)
          .put("end", last).encode());
      reportStarted.get(30, TimeUnit.SECONDS);
      int listed = listings.get();
      ws.close().await();
      // the node has seen the close (the socket left its sign-in) before the report ends
      for (int i = 0; i < 6_000 && node.console.openSockets() > 0; i++) {
        vertx.timer(5).await();
      }
      assertEquals(0, node.console.openSockets());
      int receivedAtClose = received.size();
      release.complete();

      // a request on a new socket is answered after the node handled the held report's end
      WebSocket again = connect(vertx, node);
      CompletableFuture<JsonObject> whoami = new CompletableFuture<>();
      again.textMessageHandler(t -> {
        JsonObject j = new JsonObject(t);
        if (Integer.valueOf(2).equals(j.getInteger("id"))) {
          whoami.complete(j);
        }
      });
      again.writeTextMessage(new JsonObject().put("id", 2).put("op", "whoami").encode());
      assertTrue(whoami.get(30, TimeUnit.SECONDS).getBoolean("ok"));
      again.close().await();

      assertEquals(1, reports.get(), "no series report after the browser left");
      assertEquals(listed, listings.get(), "the series was not even started");
      assertEquals(receivedAtClose, received.size(), "nothing was sent to the closed socket");
      received.forEach(t -> assertTrue(!t.contains("Exception") && !t.contains("java."), t));
    } finally {
      vertx.close().await();
    }
  }

  private static WebSocket connect(Vertx vertx, ConsoleTestNode node) {
    String origin = "http://127.0.0.1:" + node.console.port();
    HttpResponse<Buffer> login = WebClient.create(vertx)
        .post(node.console.port(), "127.0.0.1", "/api/login").putHeader("Origin", origin)
        .sendJsonObject(new JsonObject().put("user", "admin")
            .put("password", ConsoleTestNode.ADMIN_PW)).await();
    String set = login.cookies().stream().filter(c -> c.startsWith(ConsoleServer.COOKIE + "="))
        .findFirst().orElseThrow();
    return vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(node.console.port()).setURI("/ws")
        .addHeader("Origin", origin).addHeader("Cookie", set.substring(0, set.indexOf(';'))))
        .await();
  }
}
