package io.snapsync.core.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a node configuration: a YAML or JSON file (by extension) through vertx-config, then
 * environment overrides, then validation ({@link NodeConfig#of}).
 *
 * <p>Environment variables: {@code SNAPSYNC_NODE_NAME}, {@code SNAPSYNC_NODE_ROLE},
 * {@code SNAPSYNC_DATA_DIR}, {@code SNAPSYNC_BIND_ADDRESS}, {@code SNAPSYNC_PGWIRE_PORT},
 * {@code SNAPSYNC_CONSOLE_PORT}, {@code SNAPSYNC_CLUSTER_ENABLED}, {@code SNAPSYNC_CLUSTER_NAME},
 * {@code SNAPSYNC_CLUSTER_HOST}, {@code SNAPSYNC_CLUSTER_PORT}, {@code SNAPSYNC_CLUSTER_MEMBERS}
 * (comma-separated), {@code SNAPSYNC_PLUGIN_DIR}, and {@code SNAPSYNC_SETTING_<NAME>} for any
 * setting (e.g. {@code SNAPSYNC_SETTING_LC_MESSAGES=zh_CN.UTF-8}).
 */
public final class ConfigLoader {

  private static final Map<String, String> ENV = Map.ofEntries(
      Map.entry("SNAPSYNC_NODE_NAME", "node.name"),
      Map.entry("SNAPSYNC_NODE_ROLE", "node.role"),
      Map.entry("SNAPSYNC_DATA_DIR", "dataDirectory"),
      Map.entry("SNAPSYNC_BIND_ADDRESS", "bindAddress"),
      Map.entry("SNAPSYNC_PGWIRE_PORT", "ports.pgwire"),
      Map.entry("SNAPSYNC_CONSOLE_PORT", "ports.console"),
      Map.entry("SNAPSYNC_CLUSTER_ENABLED", "cluster.enabled"),
      Map.entry("SNAPSYNC_CLUSTER_NAME", "cluster.name"),
      Map.entry("SNAPSYNC_CLUSTER_HOST", "cluster.host"),
      Map.entry("SNAPSYNC_CLUSTER_PORT", "cluster.port"),
      Map.entry("SNAPSYNC_CLUSTER_MEMBERS", "cluster.members"),
      Map.entry("SNAPSYNC_PLUGIN_DIR", "pluginDirectory"));

  private static final String SETTING_PREFIX = "SNAPSYNC_SETTING_";

  private ConfigLoader() {
  }

  /**
   * Reads {@code file} (may be null: defaults only), applies {@code env} overrides and
   * validates. Fails with a {@link ConfigException} naming the file and key.
   */
  public static Future<NodeConfig> load(Vertx vertx, Path file, Map<String, String> env) {
    Future<JsonObject> raw = file == null ? Future.succeededFuture(new JsonObject())
        : readFile(vertx, file);
    return raw.map(json -> {
      String source = file == null ? "(defaults)" : file.toString();
      NodeConfig fromFile = NodeConfig.of(json, source);
      JsonObject overrides = envOverrides(env);
      if (overrides.isEmpty()) {
        return fromFile;
      }
      try {
        return fromFile.with(overrides);
      } catch (ConfigException e) {
        throw new ConfigException("(environment)", e.key(), problemOf(e));
      }
    });
  }

  /** Blocking convenience for the launcher (a short-lived Vert.x reads the file). */
  public static NodeConfig loadBlocking(Path file, Map<String, String> env) {
    Vertx vertx = Vertx.vertx();
    try {
      return load(vertx, file, env).toCompletionStage().toCompletableFuture().join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    } finally {
      vertx.close();
    }
  }

  private static String problemOf(ConfigException e) {
    Object p = e.message().args().get(2);
    return String.valueOf(p);
  }

  static Future<JsonObject> readFile(Vertx vertx, Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      return Future.failedFuture(new ConfigException(name, "(file)", "file not found"));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    String format = lower.endsWith(".yaml") || lower.endsWith(".yml") ? "yaml" : "json";
    ConfigStoreOptions store = new ConfigStoreOptions().setType("file").setFormat(format)
        .setConfig(new JsonObject().put("path", file.toAbsolutePath().toString()));
    ConfigRetriever retriever = ConfigRetriever.create(vertx,
        new ConfigRetrieverOptions().addStore(store).setScanPeriod(0));
    return retriever.getConfig()
        .recover(e -> Future.failedFuture(new ConfigException(name, "(file)",
            "cannot parse " + format + ": " + rootMessage(e))))
        .andThen(ar -> retriever.close());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    return m.replace('\n', ' ').trim();
  }

  /** The JSON overrides from {@code SNAPSYNC_*} variables. */
  public static JsonObject envOverrides(Map<String, String> env) {
    JsonObject out = new JsonObject();
    env.forEach((k, v) -> {
      String path = ENV.get(k);
      if (path != null) {
        Object value = path.equals("cluster.members") ? new JsonArray(java.util.Arrays
            .stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) : v;
        put(out, path, value);
      } else if (k.startsWith(SETTING_PREFIX) && k.length() > SETTING_PREFIX.length()) {
        put(out, "settings." + k.substring(SETTING_PREFIX.length()).toLowerCase(Locale.ROOT), v);
      }
    });
    return out;
  }

  private static void put(JsonObject root, String path, Object value) {
    String[] parts = path.split("\\.");
    JsonObject o = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject next = o.getJsonObject(parts[i]);
      if (next == null) {
        next = new JsonObject();
        o.put(parts[i], next);
      }
      o = next;
    }
    o.put(parts[parts.length - 1], value);
  }
}
