package io.snapsync.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.testing.TestNodes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 "start-up": what the launcher says when a start cannot go ahead, before any effect. */
class StartupFailureTest {

  private static Path conf(Path dir, String extra) throws Exception {
    return Files.writeString(dir.resolve("snapsync.yaml"), "dataDirectory: " + dir.resolve("data")
        + "\npluginDirectory: \"\"\ncluster:\n  enabled: false\n" + extra);
  }

  @Test
  void aPortInUseNamesThePortAndTheAddress(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Path f = conf(dir, "ports:\n  pgwire: " + port + "\n  console: " + TestNodes.freePort()
          + "\n");
      MainTest.Run r = new MainTest.Run(Map.of(), "");
      assertEquals(Main.CONFIG_ERROR, Main.run(new String[] {"--conf", f.toString()}, r.io));
      assertTrue(r.err().contains("key \"ports.pgwire\"") && r.err().contains(
          "cannot listen on port " + port + " of address 127.0.0.1"), r.err());
      assertTrue(Files.notExists(dir.resolve("data")), "nothing created");
    }
  }

  @Test
  void aBadSettingStopsStartBeforeTheAdminPasswordIsCreated(@TempDir Path dir) throws Exception {
    Path f = conf(dir, "settings:\n  wdr_snapshot_interval: 5000min\n");
    MainTest.Run r = new MainTest.Run(Map.of(), "");
    assertEquals(Main.CONFIG_ERROR, Main.run(new String[] {"--conf", f.toString()}, r.io));
    assertTrue(r.err().contains("settings.wdr_snapshot_interval"), r.err());
    assertTrue(Files.notExists(dir.resolve("data")), "no data directory, no admin password");
  }
}
