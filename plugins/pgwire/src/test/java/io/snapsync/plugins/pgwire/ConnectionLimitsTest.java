package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.RawClient.Msg;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code max_connections}, {@code superuser_reserved_connections} and
 * {@code authentication_timeout} with real psql: sessions beyond the limit get FATAL 53300, the
 * reserved slots go to SYSADMIN only, and silent connections can neither exhaust the node nor
 * stay past the timeout (the test waits for the server to close them, never sleeps).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionLimitsTest {

  private static final long AUTH_TIMEOUT_MILLIS = 3000;

  private SnapsyncFixture node;
  private final List<AutoCloseable> clients = new ArrayList<>();

  private void start(int max, int reserved) throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-limits"),
        new PgWireOptions("127.0.0.1", 0, PgWireOptions.SCRAM, 1 << 20),
        new ConnectionLimits(AUTH_TIMEOUT_MILLIS, max, reserved));
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : clients) {
      c.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private List<String> psql(String user, String password) throws Exception {
    Psql p = new Psql(node.port(), user, password, "snapsync", Map.of());
    clients.add(p);
    return p.run("SELECT 'served' AS answer;");
  }

  private static void assertServed(List<String> out) {
    assertTrue(out.contains("served"), out.toString());
  }

  @Test
  void sessionsBeyondMaxConnectionsGet53300AndReservedSlotsAreForSysadmin() throws Exception {
    start(4, 1);
    for (int i = 0; i < 3; i++) {
      assertServed(psql(SnapsyncFixture.USER, SnapsyncFixture.USER_PASSWORD));
    }
    List<String> refused = psql(SnapsyncFixture.USER, SnapsyncFixture.USER_PASSWORD);
    assertTrue(String.join("\n", refused).contains("FATAL:  remaining connection slots"
        + " are reserved for non-replication superuser connections"), refused.toString());
    assertServed(psql(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD));
    List<String> full = psql(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    assertTrue(String.join("\n", full).contains("FATAL:  sorry, too many clients already"),
        full.toString());
  }

  @Test
  void silentConnectionsAreBoundedAndClosedAtAuthenticationTimeout() throws Exception {
    start(4, 1);
    List<RawClient> silent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RawClient c = new RawClient(node.port());
      clients.add(c);
      // SSLRequest answered: the server has accepted and counted this connection
      c.untyped(new byte[] {4, (byte) 0xd2, 0x16, 0x2f});
      assertEquals('N', c.readByte());
      silent.add(c);
    }
    RawClient authenticating = new RawClient(node.port());
    clients.add(authenticating);
    authenticating.startup(3, 0, Map.of("user", SnapsyncFixture.USER, "database", "snapsync"));
    assertEquals('R', authenticating.read().type());

    List<String> refused = psql(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    assertTrue(String.join("\n", refused).contains("FATAL:  sorry, too many clients already"),
        refused.toString());
    try (RawClient raw = new RawClient(node.port())) {
      raw.startup(3, 0, Map.of("user", SnapsyncFixture.ADMIN, "database", "snapsync"));
      Msg m = raw.read();
      assertEquals("53300", m.fields().get('C'), m.fields().toString());
      assertEquals("FATAL", m.fields().get('V'));
      assertTrue(raw.closedByServer());
    }

    for (RawClient c : silent) {
      Msg m = c.read();
      assertEquals("FATAL", m.fields().get('V'), m.fields().toString());
      assertEquals("08P01", m.fields().get('C'));
      assertEquals("canceling authentication due to timeout", m.fields().get('M'));
      assertTrue(c.closedByServer());
    }
    Msg m = authenticating.read();
    assertEquals("28000", m.fields().get('C'), m.fields().toString());
    assertTrue(authenticating.closedByServer());

    assertServed(psql(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD));
  }

  @Test
  void aSlowButFinishedLoginIsNotCutByTheTimeout() throws Exception {
    start(4, 1);
    RawClient c = new RawClient(node.port());
    clients.add(c);
    c.untyped(new byte[] {4, (byte) 0xd2, 0x16, 0x2f});
    assertEquals('N', c.readByte());
    // SCRAM listener: a psql session opens normally next to it and outlives the timeout
    Psql p = new Psql(node.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD,
        "snapsync", Map.of());
    clients.add(p);
    assertServed(p.run("SELECT 'served' AS answer;"));
    assertTrue(c.closedByServer());
    assertServed(p.run("SELECT 'served' AS answer;"));
  }
}
