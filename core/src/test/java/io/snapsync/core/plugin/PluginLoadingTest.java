package io.snapsync.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.error.Message;
import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.node.Node;
import io.snapsync.core.testing.HelloPlugin;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoadingTest {

  static NodeConfig config(Path dir, Path plugins) {
    return NodeConfig.of(new JsonObject()
        .put("dataDirectory", dir.resolve("data").toString())
        .put("pluginDirectory", plugins.toString())
        .put("cluster", new JsonObject().put("enabled", false))
        .put("security", new JsonObject().put("initialAdminPassword", "pw")), "test");
  }

  @Test
  void pluginJarAddsFunctionSettingAndCatalog(@TempDir Path dir) throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    HelloPlugin.buildJar(dir, plugins);
    Node node = Node.start(config(dir, plugins)).await();
    try {
      assertTrue(node.pluginNames().contains("hello"), node.pluginNames().toString());
      assertTrue(node.services().functions().find("hello_plugin").isPresent());
      assertEquals("on", node.services().settings().nodeValue("hello_greeting_enabled"));
      assertEquals("你好，snapsync！", node.services().catalog().render("zh_CN.UTF-8",
          Message.of("hello.greeting", "snapsync")));
      assertEquals("Hello, snapsync!", node.services().catalog().render("en",
          Message.of("hello.greeting", "snapsync")));
      assertEquals("Application name (overridden by hello).", node.services().catalog()
          .render("en", Message.of("settings.desc.application_name")), "extensions override");

      SnapsyncClient client = new SnapsyncClient(node.vertx(), 10_000);
      SnapsyncClient.ClientSession s = client.open(null, "admin", "pw", null).await();
      JsonObject r = s.execute("SELECT hello_plugin('snapsync')").await()
          .getJsonArray("results").getJsonObject(0);
      assertEquals("hello_plugin", r.getJsonArray("columns").getJsonObject(0).getString("name"));
      assertEquals("Hello, snapsync!", r.getJsonArray("rows").getJsonArray(0).getString(0));
      s.execute("SET lc_messages TO 'zh_CN.UTF-8'").await();
      assertEquals("你好，snapsync！", s.rows("SELECT hello_plugin('snapsync')").await()
          .getJsonArray(0).getString(0));
      assertEquals("on", s.rows("SHOW hello_greeting_enabled").await().getJsonArray(0)
          .getString(0));
      s.close().await();
    } finally {
      node.close().await();
    }
  }

  @Test
  void pluginSettingsCanBeSetInTheConfigFile(@TempDir Path dir) throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    HelloPlugin.buildJar(dir, plugins);
    NodeConfig c = config(dir, plugins).with(new JsonObject().put("settings",
        new JsonObject().put("hello_greeting_enabled", "off")));
    Node node = Node.start(c).await();
    try {
      assertEquals("off", node.services().settings().nodeValue("hello_greeting_enabled"));
    } finally {
      node.close().await();
    }
  }

  @Test
  void brokenPluginFailsStartUpNamingIt(@TempDir Path dir) throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    HelloPlugin.buildBrokenJar(dir, plugins);
    PluginException e = assertInstanceOf(PluginException.class,
        assertThrows(Exception.class, () -> Node.start(config(dir, plugins)).await()));
    assertEquals("broken", e.plugin());
    assertEquals("extension \"broken\" failed to register: IllegalStateException the broken "
        + "plugin refuses to register", e.getMessage());
  }

  @Test
  void jarNamingAMissingClassFailsStartUpNamingTheJar(@TempDir Path dir) throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = HelloPlugin.buildMissingClassJar(dir, plugins);
    PluginException e = assertInstanceOf(PluginException.class,
        assertThrows(Exception.class, () -> Node.start(config(dir, plugins)).await()));
    assertEquals(jar.toString(), e.plugin());
    assertTrue(e.getMessage().contains("example.missing.NoSuchExtension"), e.getMessage());
  }

  @Test
  void twoPluginsWithOneNameFailStartUp(@TempDir Path dir) throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    HelloPlugin.buildJar(dir, plugins);
    Files.copy(plugins.resolve("hello.jar"), plugins.resolve("hello-copy.jar"));
    PluginException e = assertInstanceOf(PluginException.class,
        assertThrows(Exception.class, () -> Node.start(config(dir, plugins)).await()));
    assertTrue(e.getMessage().startsWith("extension name \"hello\" is used by two plugins"),
        e.getMessage());
  }
}
