package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.error.Message;
import io.snapsync.core.node.Node;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension as a node loads it: discovered on the class path, its catalog registered, the
 * listener started from {@code plugins.pgwire}, closed (clients told) when the node stops.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NodeExtensionTest {

  @Test
  void nodeStartsTheListenerFromItsConfiguration(@TempDir Path dir) throws Exception {
    int port = PgTools.freePort();
    NodeConfig config = NodeConfig.of(new JsonObject()
        .put("dataDirectory", dir.resolve("data").toString())
        .put("pluginDirectory", dir.resolve("plugins").toString())
        .put("cluster", new JsonObject().put("enabled", false))
        .put("security", new JsonObject().put("initialAdminPassword", "pw"))
        .put("plugins", new JsonObject().put("pgwire", new JsonObject()
            .put("host", "127.0.0.1").put("port", port))), "test");
    Node node = Node.start(config).await();
    boolean closed = false;
    try {
      assertTrue(node.pluginNames().contains("pgwire"), node.pluginNames().toString());
      assertEquals("消息中剩下的数据不够", node.services().catalog().render("zh_CN",
          Message.of("pgwire.insufficient_data")));
      assertTrue(node.sessions().isPresent());
      try (Connection c = DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + port + "/snapsync", "admin", "pw");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE node1 (id int PRIMARY KEY, v text)");
        s.execute("INSERT INTO node1 VALUES (1, 'one')");
        try (ResultSet rs = s.executeQuery("SELECT v FROM node1 WHERE id = 1")) {
          assertTrue(rs.next());
          assertEquals("one", rs.getString(1));
        }
        node.close().await();
        closed = true;
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
            () -> s.executeQuery("SELECT v FROM node1"));
        assertTrue(e.getSQLState().startsWith("57P01") || e.getSQLState().startsWith("08"),
            e.getSQLState() + " " + e.getMessage());
      }
    } finally {
      if (!closed) {
        node.close().await();
      }
    }
  }
}
