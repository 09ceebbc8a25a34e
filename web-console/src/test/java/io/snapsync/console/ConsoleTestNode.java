package io.snapsync.console;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.node.Node;
import io.snapsync.core.security.impl.ScramVerifier;
import io.snapsync.core.session.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * A real embedded node (RocksDB in a temp dir, no cluster) with the wdr and console extensions
 * discovered from the class path, and three users: {@code admin} (SYSADMIN), {@code monitor}
 * (MONADMIN) and {@code alice} (no role).
 */
final class ConsoleTestNode implements AutoCloseable {

  static final String ADMIN_PW = "admin-pw";
  static final String MONITOR_PW = "monitor-pw";
  static final String ALICE_PW = "alice-pw";

  final Node node;
  final ConsoleServer console;

  private ConsoleTestNode(Node node) {
    this.node = node;
    this.console = node.services().service(ConsoleServer.class).orElse(null);
  }

  static ConsoleTestNode start(Path dir, JsonObject consoleConfig) {
    return start(dir, consoleConfig, java.time.Clock.systemUTC());
  }

  static ConsoleTestNode start(Path dir, JsonObject consoleConfig, java.time.Clock clock) {
    return start(dir, consoleConfig, clock, new JsonObject().put("cluster",
        new JsonObject().put("enabled", false)));
  }

  /** {@code overrides} are merged over the test configuration (node, cluster, ...). */
  static ConsoleTestNode start(Path dir, JsonObject consoleConfig, java.time.Clock clock,
      JsonObject overrides) {
    JsonObject console = new JsonObject().put("port", 0).put("liveRefreshMillis", 300)
        .mergeIn(consoleConfig == null ? new JsonObject() : consoleConfig);
    NodeConfig config = NodeConfig.of(new JsonObject()
        .put("dataDirectory", dir.resolve("data").toString())
        .put("pluginDirectory", dir.resolve("plugins").toString())
        .put("plugins", new JsonObject()
            .put("wdr", new JsonObject().put("tickMillis", 0))
            .put("pgwire", new JsonObject().put("port", 0))
            .put("console", console))
        .put("security", new JsonObject().put("initialAdminPassword", ADMIN_PW)
            .put("users", new JsonArray()
                .add(user("admin", ADMIN_PW, new JsonArray().add("SYSADMIN")))
                .add(user("monitor", MONITOR_PW, new JsonArray().add("MONADMIN")))
                .add(user("alice", ALICE_PW, new JsonArray()))))
        .mergeIn(overrides, true), "test");
    return new ConsoleTestNode(Node.start(config, clock).await());
  }

  private static JsonObject user(String name, String password, JsonArray roles) {
    return new JsonObject().put("name", name)
        .put("verifier", ScramVerifier.create(password, 4096).encode()).put("roles", roles);
  }

  String url() {
    return "http://127.0.0.1:" + console.port() + "/";
  }

  Session session(String user, String password) {
    return node.sessions().orElseThrow().open(user, password, new JsonObject()).await();
  }

  @Override
  public void close() {
    node.close().await();
  }
}
