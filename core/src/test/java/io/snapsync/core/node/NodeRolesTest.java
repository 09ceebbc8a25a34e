package io.snapsync.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.eventbus.Addresses;
import io.snapsync.core.eventbus.ApiErrors;
import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRolesTest {

  static Node start(Path dir, String role) {
    return TestNodes.start(dir, new JsonObject().put("node",
        new JsonObject().put("name", role + "1").put("role", role)));
  }

  @Test
  void dataNodeHasTheStoreButRefusesSessionsWith503(@TempDir Path dir) {
    Node node = start(dir, "datanode");
    try {
      assertEquals("datanode", node.info().roleName());
      assertTrue(node.store().isPresent());
      SnapsyncClient client = TestNodes.client(node);
      JsonObject ping = client.request(Addresses.node("datanode1", Addresses.API),
          new JsonObject().put("op", "ping")).await();
      assertEquals("datanode", ping.getString("role"));
      SnapsyncClient.ApiException e = assertInstanceOf(SnapsyncClient.ApiException.class,
          assertThrows(Exception.class, () -> client.open("datanode1", TestNodes.ADMIN,
              TestNodes.ADMIN_PASSWORD, null).await()));
      assertEquals(ApiErrors.UNAVAILABLE, e.code());
      assertEquals("57P03", e.sqlState());
      assertEquals("node \"datanode1\" does not accept sessions (role datanode)", e.getMessage());
    } finally {
      node.close().await();
    }
  }

  @Test
  void coordinatorOnlyNodeOpensNoStore(@TempDir Path dir) {
    Node node = start(dir, "coordinator");
    try {
      assertEquals("coordinator", node.info().roleName());
      assertFalse(node.store().isPresent());
      assertFalse(Files.exists(node.services().dataDirectory().resolve("store")));
    } finally {
      node.close().await();
    }
  }

  @Test
  void embeddedNodeRestartKeepsUsersAndAlterSystem(@TempDir Path dir) {
    Node node = TestNodes.start(dir);
    SnapsyncClient client = TestNodes.client(node);
    SnapsyncClient.ClientSession s = client.open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD,
        null).await();
    s.execute("ALTER SYSTEM SET eventbus_session_idle_timeout = '30min'").await();
    s.execute("CREATE TABLE kept (id int PRIMARY KEY, v text)").await();
    s.execute("INSERT INTO kept VALUES (1, 'one')").await();
    node.close().await();

    Node again = TestNodes.start(dir);
    try {
      assertTrue(again.initialPasswordFile().isEmpty(), "admin exists: no new password");
      SnapsyncClient.ClientSession s2 = TestNodes.client(again).open(null, TestNodes.ADMIN,
          TestNodes.ADMIN_PASSWORD, null).await();
      assertEquals("30min", s2.rows("SHOW eventbus_session_idle_timeout").await()
          .getJsonArray(0).getString(0));
      assertEquals("one", s2.rows("SELECT v FROM kept WHERE id = 1").await()
          .getJsonArray(0).getString(0));
      SnapsyncClient.ApiException denied = assertInstanceOf(SnapsyncClient.ApiException.class,
          assertThrows(Exception.class, () -> s2.execute("SET eventbus_session_idle_timeout = 1")
              .await()));
      assertEquals("55P02", denied.sqlState());
      s2.close().await();
    } finally {
      again.close().await();
    }
  }

  @Test
  void configFileSettingsReachSettingsTheDatabaseRegisters(@TempDir Path dir) {
    Node node = TestNodes.start(dir, new JsonObject().put("settings",
        new JsonObject().put("snapshot_log_retention_days", 7)));
    try {
      assertEquals("7d", node.services().settings().nodeValue("snapshot_log_retention_days"));
    } finally {
      node.close().await();
    }
  }

  @Test
  void unknownSettingInTheConfigFailsStartUpNamingTheKey(@TempDir Path dir) {
    io.snapsync.core.config.ConfigException e = assertInstanceOf(
        io.snapsync.core.config.ConfigException.class, assertThrows(Exception.class,
            () -> TestNodes.start(dir, new JsonObject().put("settings",
                new JsonObject().put("nonsense_setting", 1)))));
    assertEquals("settings.nonsense_setting", e.key());
    assertTrue(e.getMessage().contains("unrecognized configuration parameter"), e.getMessage());
  }

  @Test
  void alterSystemNeedsSysadmin(@TempDir Path dir) {
    String verifier = io.snapsync.core.security.impl.ScramVerifier.create("alice-pw", 4096)
        .encode();
    Node node = TestNodes.start(dir, new JsonObject().put("security", new JsonObject()
        .put("users", new io.vertx.core.json.JsonArray().add(new JsonObject()
            .put("name", "alice").put("verifier", verifier)))));
    try {
      SnapsyncClient.ClientSession s = TestNodes.client(node).open(null, "alice", "alice-pw",
          null).await();
      SnapsyncClient.ApiException e = assertInstanceOf(SnapsyncClient.ApiException.class,
          assertThrows(Exception.class, () -> s.execute(
              "ALTER SYSTEM SET eventbus_session_idle_timeout = '1min'").await()));
      assertEquals("42501", e.sqlState());
      assertEquals(ApiErrors.FORBIDDEN, e.code());
      assertEquals("10min", node.services().settings().nodeValue("eventbus_session_idle_timeout"));
      s.close().await();
    } finally {
      node.close().await();
    }
  }
}
