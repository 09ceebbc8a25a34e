package io.snapsync.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.ConfigException;
import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.testing.HelloPlugin;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 "start-up": the whole configuration is checked before the node has any effect
 * (no data directory, no trust material, no admin password, no cluster join); unknown keys
 * stop start-up; a port in use names the port and the address.
 */
class StartupCheckTest {

  @TempDir
  Path dir;

  /** A clustered embedded node whose trust material would be generated under its data dir. */
  private NodeConfig clustered(Path plugins) {
    int port = TestNodes.freePort();
    return NodeConfig.of(new JsonObject()
        .put("dataDirectory", dir.resolve("data").toString())
        .put("pluginDirectory", plugins == null ? "" : plugins.toString())
        .put("ports", new JsonObject().put("pgwire", 0).put("console", 0))
        .put("cluster", new JsonObject().put("enabled", true).put("name",
            TestNodes.clusterName()).put("host", "127.0.0.1").put("port", port)
            .put("members", new JsonArray().add("127.0.0.1:" + port))), "test.yaml");
  }

  private ConfigException startFails(NodeConfig c) {
    Exception e = assertThrows(Exception.class, () -> Node.start(c).await());
    return assertInstanceOf(ConfigException.class, e);
  }

  private void assertNoSideEffect() {
    assertFalse(Files.exists(dir.resolve("data")), "no data directory, trust or admin password");
  }

  @Test
  void aBadSettingValueStopsStartBeforeAnySideEffect() {
    ConfigException e = startFails(clustered(null).with(new JsonObject().put("settings",
        new JsonObject().put("extra_float_digits", 99))));
    assertEquals("settings.extra_float_digits", e.key());
    assertEquals("test.yaml", e.file());
    assertNoSideEffect();
  }

  @Test
  void anUnknownSettingStopsStartBeforeAnySideEffect() {
    ConfigException e = startFails(clustered(null).with(new JsonObject().put("settings",
        new JsonObject().put("no_such_setting", "1"))));
    assertEquals("settings.no_such_setting", e.key());
    assertNoSideEffect();
  }

  @Test
  void aBadValueOfAnExtensionsSettingStopsStartBeforeAnySideEffect() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    HelloPlugin.buildJar(Files.createDirectories(dir.resolve("work")), plugins);
    ConfigException e = startFails(clustered(plugins).with(new JsonObject().put("settings",
        new JsonObject().put("hello_greeting_enabled", "maybe"))));
    assertEquals("settings.hello_greeting_enabled", e.key());
    assertNoSideEffect();
  }

  @Test
  void unknownKeysInsideSectionsStopStart() {
    ConfigException e = assertThrows(ConfigException.class, () -> NodeConfig.of(new JsonObject()
        .put("cluster", new JsonObject().put("nmae", "x")), "test.yaml"));
    assertEquals("cluster.nmae", e.key());
    assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
    assertEquals("eventbus.maxMessageSize", assertThrows(ConfigException.class,
        () -> NodeConfig.of(new JsonObject().put("eventbus", new JsonObject()
            .put("maxMessageSize", 1)), "t")).key());
  }

  @Test
  void anExtensionsPortInUseNamesThePortAndTheAddress() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    HelloPlugin.buildJar(Files.createDirectories(dir.resolve("work")), plugins);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      ConfigException e = startFails(clustered(plugins).with(new JsonObject().put("ports",
          new JsonObject().put("hello", port))));
      assertEquals("ports.hello", e.key());
      assertTrue(e.getMessage().contains("cannot listen on port " + port
          + " of address 127.0.0.1"), e.getMessage());
      assertNoSideEffect();
    }
  }
}
