package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With {@code plugins.pgwire.tls} configured, SSLRequest upgrades the connection (psql). */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TlsTest {

  @Test
  void psqlConnectsOverTlsWhenConfigured() throws Exception {
    Path psql = PgTools.psql();
    Path dir = Files.createTempDirectory("pgwire-tls");
    Path keyStore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "keytool").toString(), "-genkeypair", "-alias", "pgwire", "-keyalg", "RSA", "-keysize",
        "2048", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", "secret", "-keypass", "secret")
        .redirectErrorStream(true).start();
    String ktOut = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, ktOut);
    PgWireOptions options = new PgWireOptions("127.0.0.1", 0, PgWireOptions.SCRAM, 1 << 20,
        new JsonObject().put("keyStorePath", keyStore.toString())
            .put("keyStorePassword", "secret"));
    try (SnapsyncFixture node = SnapsyncFixture.start(dir.resolve("node"), options)) {
      ProcessBuilder pb = new ProcessBuilder(psql.toString(), "-X", "-A", "-t",
          "host=127.0.0.1 port=" + node.port() + " user=" + SnapsyncFixture.ADMIN
              + " dbname=snapsync sslmode=require",
          "-c", "\\conninfo", "-c", "SHOW lc_messages").redirectErrorStream(true);
      pb.environment().put("PGPASSWORD", SnapsyncFixture.ADMIN_PASSWORD);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
      assertEquals(0, p.exitValue(), out);
      List<String> lines = out.lines().toList();
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("SSL connection")), out);
    }
  }
}
