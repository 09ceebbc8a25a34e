package io.snapsync.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static ConfigException fails(Path file, Map<String, String> env) {
    return assertInstanceOf(ConfigException.class, assertThrows(Exception.class,
        () -> ConfigLoader.load(vertx, file, env).await()));
  }

  @Test
  void defaultsAreTheEmbeddedNode() {
    NodeConfig c = NodeConfig.defaults();
    assertEquals("node1", c.name());
    assertEquals(NodeConfig.Role.EMBEDDED, c.role());
    assertTrue(c.role().coordinator() && c.role().dataNode());
    assertEquals(Path.of("data"), c.dataDirectory());
    assertEquals("127.0.0.1", c.bindAddress());
    assertEquals(5433, c.pgwirePort());
    assertEquals(8480, c.consolePort());
    assertTrue(c.clusterEnabled());
    assertEquals(List.of("127.0.0.1:5701"), c.clusterMembers());
  }

  @Test
  void readsYamlAndJson(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("a.yaml");
    Files.writeString(yaml, """
        node:
          name: cn1
          role: coordinator
        dataDirectory: /tmp/x
        ports:
          pgwire: 6433
        cluster:
          enabled: false
          members: [ "127.0.0.1:5701", "127.0.0.1:5702" ]
        settings:
          lc_messages: zh_CN.UTF-8
        plugins:
          wdr: { interval: 5 }
        """);
    NodeConfig c = ConfigLoader.load(vertx, yaml, Map.of()).await();
    assertEquals("cn1", c.name());
    assertEquals(NodeConfig.Role.COORDINATOR, c.role());
    assertFalse(c.role().dataNode());
    assertEquals(6433, c.pgwirePort());
    assertEquals(8480, c.consolePort());
    assertFalse(c.clusterEnabled());
    assertEquals(2, c.clusterMembers().size());
    assertEquals("zh_CN.UTF-8", c.settings().getString("lc_messages"));
    assertEquals(5, c.pluginConfig("wdr").getInteger("interval"));
    assertEquals(yaml.toString(), c.source());

    Path json = dir.resolve("b.json");
    Files.writeString(json, "{\"node\":{\"name\":\"dn1\",\"role\":\"datanode\"}}");
    assertEquals(NodeConfig.Role.DATANODE, ConfigLoader.load(vertx, json, Map.of()).await().role());
  }

  @Test
  void badValuesNameTheFileAndTheKey(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "ports:\n  pgwire: seventy\n");
    ConfigException e = fails(f, Map.of());
    assertEquals(f.toString(), e.file());
    assertEquals("ports.pgwire", e.key());
    assertEquals("invalid configuration in \"" + f + "\": key \"ports.pgwire\": must be an "
        + "integer between 0 and 65535, got seventy", e.getMessage());

    Files.writeString(f, "node:\n  role: boss\n");
    assertEquals("node.role", fails(f, Map.of()).key());
    Files.writeString(f, "colour: blue\n");
    ConfigException unknown = fails(f, Map.of());
    assertEquals("colour", unknown.key());
    assertTrue(unknown.getMessage().contains("unknown key"));
    Files.writeString(f, "cluster:\n  members: [\"localhost\"]\n");
    assertEquals("cluster.members[0]", fails(f, Map.of()).key());
    Files.writeString(f, "eventbus:\n  maxMessageBytes: 10\n");
    assertEquals("eventbus.maxMessageBytes", fails(f, Map.of()).key());
  }

  @Test
  void malformedOrMissingFileIsNamed(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("broken.yaml");
    Files.writeString(f, "node: [unclosed\n  - x: {\n");
    ConfigException e = fails(f, Map.of());
    assertEquals(f.toString(), e.file());
    assertEquals("(file)", e.key());
    assertTrue(e.getMessage().contains("cannot parse yaml"), e.getMessage());
    ConfigException missing = fails(dir.resolve("nope.yaml"), Map.of());
    assertTrue(missing.getMessage().contains("file not found"));
  }

  @Test
  void environmentOverridesTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, "ports:\n  pgwire: 6433\n");
    NodeConfig c = ConfigLoader.load(vertx, f, Map.of("SNAPSYNC_PGWIRE_PORT", "7433",
        "SNAPSYNC_NODE_NAME", "envnode", "SNAPSYNC_CLUSTER_MEMBERS", "127.0.0.1:1, 127.0.0.1:2",
        "SNAPSYNC_SETTING_LC_MESSAGES", "zh_CN.UTF-8", "UNRELATED", "x")).await();
    assertEquals(7433, c.pgwirePort());
    assertEquals("envnode", c.name());
    assertEquals(List.of("127.0.0.1:1", "127.0.0.1:2"), c.clusterMembers());
    assertEquals(new JsonObject().put("lc_messages", "zh_CN.UTF-8"), c.settings());
    ConfigException e = fails(f, Map.of("SNAPSYNC_CONSOLE_PORT", "99999"));
    assertEquals("(environment)", e.file());
    assertEquals("ports.console", e.key());
  }

  @Test
  void shippedConfigurationsAreValid() throws Exception {
    Path conf = Path.of("..", "conf");
    NodeConfig dflt = ConfigLoader.load(vertx, conf.resolve("snapsync.yaml"), Map.of()).await();
    JsonObject shipped = dflt.toJson();
    // settings list the core defaults explicitly (lc_messages); the rest equals the built-ins
    assertEquals("en_US.UTF-8", shipped.getJsonObject("settings").remove("lc_messages"));
    shipped.put("settings", new JsonObject());
    assertEquals(NodeConfig.defaults().toJson(), shipped,
        "conf/snapsync.yaml states the built-in defaults");
    try (var files = Files.list(conf.resolve("cluster"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        NodeConfig c = ConfigLoader.load(vertx, f, Map.of()).await();
        assertTrue(c.clusterEnabled() && c.clusterMembers().size() >= 2, f.toString());
      }
    }
  }
}
