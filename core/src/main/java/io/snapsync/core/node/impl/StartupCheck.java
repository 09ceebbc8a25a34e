package io.snapsync.core.node.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.config.ConfigException;
import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.error.Message;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.plugin.Collectors;
import io.snapsync.core.plugin.ExtensionContextImpl;
import io.snapsync.core.plugin.PluginException;
import io.snapsync.core.plugin.PluginLoader;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.snapsync.core.settings.impl.SettingsRegistryImpl;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a whole node configuration before the node has any effect (no cluster join, no data
 * directory, no admin password, no trust material): every {@code settings.*} name and value
 * against the settings the core, the database and the extensions define, the configured
 * users, and that the listening ports of the extensions are free on their addresses. Blocking
 * (reads plugin jars and the users file; call it off any event loop). Fails with a
 * {@link ConfigException} naming the file and key.
 */
public final class StartupCheck {

  private StartupCheck() {
  }

  /** Validates {@code config}; returns normally when a start may go ahead. */
  public static void run(NodeConfig config) {
    Path dataDir = config.dataDirectory().toAbsolutePath();
    FileUserDirectory.load(null, dataDir.resolve(FileUserDirectory.FILE_NAME),
        config.configuredUsers(), config.source());
    Vertx scratch = Vertx.vertx();
    try {
      SettingsRegistryImpl settings = SettingsRegistryImpl.withCoreSettings();
      if (config.role().dataNode()) {
        io.snapsync.core.sql.Database.registerSettings(settings);
      }
      NodeInfo info = new NodeInfo(config.name(), config.role().coordinator(),
          config.role().dataNode());
      NodeServicesImpl services = NodeServicesImpl.builder(scratch).node(info)
          .dataDirectory(dataDir).catalog(MessageCatalog.withCoreBundles()).settings(settings)
          .users(FileUserDirectory.load(null, dataDir.resolve(FileUserDirectory.FILE_NAME), null,
              config.source()))
          .build();
      for (PluginLoader.Found f : PluginLoader.discover(StartupCheck.class.getClassLoader(),
          config.pluginDirectory())) {
        String name = f.extension().name();
        JsonObject cfg = config.pluginConfig(name);
        try {
          f.extension().register(new ExtensionContextImpl(services, cfg, new Collectors(),
              Optional::empty));
        } catch (RuntimeException | LinkageError e) {
          throw PluginException.failed(name, "register", e);
        }
        if (info.coordinator() && cfg.getValue("enabled") != Boolean.FALSE) {
          checkPort(config, name, cfg);
        }
      }
      settings.applyConfig(config.settings(), config.source());
      settings.requireNoPending();
    } finally {
      scratch.close();
    }
  }

  /** An extension's port ({@code plugins.<name>.port}, else {@code ports.<name>}) must be free. */
  private static void checkPort(NodeConfig config, String name, JsonObject cfg) {
    int port = cfg.getValue("port") instanceof Number n ? n.intValue() : config.port(name);
    if (port <= 0) {
      return;
    }
    String host = cfg.getValue("host") instanceof String h ? h : config.bindAddress();
    String key = cfg.getValue("port") instanceof Number ? "plugins." + name + ".port"
        : "ports." + name;
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new ConfigException(config.source(), key, MessageCatalog.english(Message.of(
          "harden.port_in_use", port, host, String.valueOf(e.getMessage()))));
    }
  }
}
