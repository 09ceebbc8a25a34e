package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * application_name (from PGAPPNAME and from SET) is cut to PostgreSQL's 63 bytes on a UTF-8
 * character boundary, so libpq reads every ParameterStatus; real psql.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NameLengthTest {

  private SnapsyncFixture node;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-names"),
        new PgWireOptions("127.0.0.1", 0, PgWireOptions.SCRAM, 1 << 20));
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private Psql psql(String appName) throws Exception {
    return new Psql(node.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD,
        "snapsync", Map.of("PGAPPNAME", appName));
  }

  @Test
  void longMultibyteApplicationNameIsCutTo63BytesOnACharacterBoundary() throws Exception {
    String name = "x" + "é".repeat(3000);
    try (Psql p = psql(name)) {
      List<String> out = p.run("SHOW application_name;");
      String expected = "x" + "é".repeat(31);
      assertEquals(63, expected.getBytes(StandardCharsets.UTF_8).length);
      assertTrue(out.contains(expected), out.toString());
    }
  }

  @Test
  void setApplicationNameOf30000CharactersKeepsPsqlWorking() throws Exception {
    try (Psql p = psql("short")) {
      List<String> out = p.run("SET application_name = '" + "a".repeat(30_000) + "';\n"
          + "SHOW application_name;\nSELECT 'still served' AS answer;");
      String all = String.join("\n", out);
      assertTrue(out.contains("a".repeat(63)), all.length() > 500 ? all.substring(0, 500) : all);
      assertTrue(out.contains("still served"), out.toString());
      assertFalse(all.contains("lost synchronization") || all.contains("invalid message"), all);
    }
  }

  @Test
  void applicationNameOf30000CharactersInTheStartupPacketIsACleanFatal() throws Exception {
    // longer than PostgreSQL's 10,000-byte start-up packet: refused as PostgreSQL does
    try (Psql p = psql("b".repeat(30_000))) {
      String all = String.join("\n", p.run("SELECT 1;"));
      assertTrue(all.contains("invalid length of startup packet"), all);
      assertFalse(all.contains("lost synchronization"), all);
    }
  }
}
