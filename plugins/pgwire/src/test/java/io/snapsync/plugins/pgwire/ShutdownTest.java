package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stopping the listener tells connected clients, as PostgreSQL's shutdown does. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShutdownTest {

  @Test
  void stoppingTheNodeSendsAdminShutdownToClients() throws Exception {
    SnapsyncFixture node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-stop"),
        PgWireOptions.PASSWORD);
    try (RawClient c = new RawClient(node.port())) {
      c.loginCleartext(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
      node.close();
      RawClient.Msg m = c.read();
      assertEquals('E', m.type());
      assertEquals("FATAL", m.fields().get('V'));
      assertEquals("57P01", m.fields().get('C'));
      assertEquals("terminating connection due to administrator command", m.fields().get('M'));
      assertTrue(c.closedByServer());
    }
  }
}
