package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over TLS (a PKCS#12 key store from plugins.console.tls). */
class ConsoleTlsTest {

  @TempDir
  Path dir;

  /** A self-signed PKCS#12 key store made with the JDK's keytool. */
  private Path keyStore() throws Exception {
    Path ks = dir.resolve("console.p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString(), "-genkeypair", "-alias", "console", "-keyalg", "EC", "-groupname",
        "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", ks.toString(), "-storepass", "secret", "-keypass", "secret")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return ks;
  }

  @Test
  void servesHttpsWithSecureCookieAndWss() throws Exception {
    Path ks = keyStore();
    Vertx vertx = Vertx.vertx();
    try (ConsoleTestNode node = ConsoleTestNode.start(dir, new JsonObject().put("tls",
        new JsonObject().put("keyStorePath", ks.toString()).put("keyStorePassword", "secret")))) {
      assertTrue(node.console.tls());
      assertTrue(node.console.url().startsWith("https://"));
      WebClient http = WebClient.create(vertx, new WebClientOptions().setSsl(true)
          .setTrustAll(true).setVerifyHost(false));
      int port = node.console.port();
      HttpResponse<Buffer> page = http.get(port, "127.0.0.1", "/").send().await();
      assertEquals(200, page.statusCode());
      assertNotNull(page.getHeader("Strict-Transport-Security"));
      String origin = "https://127.0.0.1:" + port;
      HttpResponse<Buffer> login = http.post(port, "127.0.0.1", "/api/login")
          .putHeader("Origin", origin).sendJsonObject(new JsonObject().put("user", "admin")
              .put("password", ConsoleTestNode.ADMIN_PW)).await();
      assertEquals(200, login.statusCode(), login.bodyAsString());
      String set = login.cookies().get(0);
      assertTrue(set.toLowerCase(Locale.ROOT).contains("secure"), set);
      WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true)
          .setTrustAll(true).setVerifyHost(false));
      WebSocket socket = ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(port).setURI("/ws").setSsl(true).addHeader("Origin", origin)
          .addHeader("Cookie", set.substring(0, set.indexOf(';')))).await();
      assertTrue(socket.isSsl());
      socket.close().await();
      ws.close().await();
      http.close();
    } finally {
      vertx.close().await();
    }
  }
}
