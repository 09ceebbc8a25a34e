package io.snapsync.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.eventbus.SnapsyncClient;
import io.snapsync.core.node.Node;
import io.snapsync.core.security.impl.FileUserDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  /** One run's streams. */
  static final class Run {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Main.Io io;

    Run(Map<String, String> env, String stdin) {
      io = new Main.Io(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  static Path conf(Path dir, String extra) throws Exception {
    Path f = dir.resolve("snapsync.yaml");
    Files.writeString(f, "dataDirectory: " + dir.resolve("data") + "\n"
        + "pluginDirectory: \"\"\n"
        + "cluster:\n  enabled: false\n" + extra);
    return f;
  }

  @Test
  void helpListsTheCommands() {
    Run r = new Run(Map.of(), "");
    assertEquals(0, Main.run(new String[] {"--help"}, r.io));
    assertTrue(r.out().contains("passwd"), r.out());
    assertTrue(r.out().contains("--conf"), r.out());
    Run v = new Run(Map.of(), "");
    assertEquals(0, Main.run(new String[] {"--version"}, v.io));
    assertTrue(v.out().contains("snapsync 0.1.0"));
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = new Run(Map.of(), "");
    assertEquals(2, Main.run(new String[] {"--frobnicate"}, r.io));
    assertTrue(r.err().contains("--frobnicate"), r.err());
  }

  @Test
  void badConfigFileFailsNamingFileAndKey(@TempDir Path dir) throws Exception {
    Path f = conf(dir, "ports:\n  console: 70000\n");
    Run r = new Run(Map.of(), "");
    assertEquals(Main.CONFIG_ERROR, Main.run(new String[] {"--conf", f.toString()}, r.io));
    assertTrue(r.err().contains("invalid configuration in \"" + f + "\": key \"ports.console\""),
        r.err());
    Run missing = new Run(Map.of(), "");
    assertEquals(Main.CONFIG_ERROR, Main.run(new String[] {"start", "--conf",
        dir.resolve("nope.yaml").toString()}, missing.io));
    assertTrue(missing.err().contains("file not found"), missing.err());
  }

  @Test
  void badEnvironmentOverrideFails(@TempDir Path dir) throws Exception {
    Path f = conf(dir, "");
    Run r = new Run(Map.of("SNAPSYNC_NODE_ROLE", "king"), "");
    assertEquals(Main.CONFIG_ERROR, Main.run(new String[] {"--conf", f.toString()}, r.io));
    assertTrue(r.err().contains("(environment)") && r.err().contains("node.role"), r.err());
  }

  @Test
  void startPrintsThePasswordFileAndTheNodeServesSessions(@TempDir Path dir) throws Exception {
    Path f = conf(dir, "");
    Run r = new Run(Map.of("SNAPSYNC_SETTING_LC_MESSAGES", "zh_CN.UTF-8"), "");
    Node node = Main.startNode(f, r.io);
    Path pwFile = dir.resolve("data").toAbsolutePath().resolve("initial-admin-password");
    try {
      // lc_messages from the environment also chooses the launcher's language
      assertTrue(r.out().contains("用户 \"admin\" 的初始 SYSADMIN 密码已写入：" + pwFile), r.out());
      String password = Files.readString(pwFile).trim();
      SnapsyncClient client = new SnapsyncClient(node.vertx(), 10_000);
      SnapsyncClient.ClientSession s = client.open(null, "admin", password, null).await();
      assertEquals("zh_CN.UTF-8", s.rows("SHOW lc_messages").await().getJsonArray(0)
          .getString(0));
      s.close().await();
    } finally {
      node.close().await();
    }
    Run again = new Run(Map.of(), "");
    Node second = Main.startNode(f, again.io);
    try {
      assertFalse(again.out().contains("initial SYSADMIN password"), again.out());
      assertTrue(again.out().contains("node \"node1\" (coordinator+datanode) started"),
          again.out());
      assertTrue(again.out().contains("users.json"), again.out());
    } finally {
      second.close().await();
    }
  }

  @Test
  void passwdStoresOnlyTheVerifierAndTheNodeAcceptsIt(@TempDir Path dir) throws Exception {
    Path f = conf(dir, "");
    Run r = new Run(Map.of(), "n3w-Passw0rd\n");
    assertEquals(0, Main.run(new String[] {"passwd", "carol", "--role", "MONADMIN", "--conf",
        f.toString()}, r.io));
    assertTrue(r.out().contains("password set for user \"carol\" (roles: MONADMIN)"), r.out());
    Path users = dir.resolve("data").toAbsolutePath().resolve(FileUserDirectory.FILE_NAME);
    String stored = Files.readString(users);
    assertFalse(stored.contains("n3w-Passw0rd"));
    assertTrue(stored.contains("SCRAM-SHA-256$"));

    Run start = new Run(Map.of(), "");
    Node node = Main.startNode(f, start.io);
    try {
      // users exist: no initial admin is created
      assertFalse(start.out().contains("initial SYSADMIN password"), start.out());
      SnapsyncClient client = new SnapsyncClient(node.vertx(), 10_000);
      client.open(null, "carol", "n3w-Passw0rd", null).await().close().await();
      // a password changed while the node runs is used at the next login
      Run change = new Run(Map.of(), "other-pw\n");
      assertEquals(0, Main.run(new String[] {"passwd", "carol", "--conf", f.toString()},
          change.io));
      assertTrue(change.out().contains("(roles: MONADMIN)"), "roles kept: " + change.out());
      client.open(null, "carol", "other-pw", null).await().close().await();
    } finally {
      node.close().await();
    }
  }

  @Test
  void passwdRejectsBadInput(@TempDir Path dir) throws Exception {
    Path f = conf(dir, "");
    Run empty = new Run(Map.of(), "\n");
    assertEquals(64, Main.run(new String[] {"passwd", "dave", "--conf", f.toString()},
        empty.io));
    Run role = new Run(Map.of(), "pw\n");
    assertEquals(64, Main.run(new String[] {"passwd", "dave", "--role", "ROOT", "--conf",
        f.toString()}, role.io));
    Run name = new Run(Map.of(), "pw\n");
    assertEquals(64, Main.run(new String[] {"passwd", "bad name", "--conf", f.toString()},
        name.io));
  }

  @Test
  void passwdRefusesACoordinatorWithoutStorage(@TempDir Path dir) throws Exception {
    Path f = conf(dir, "node: {name: cn9, role: coordinator}\n");
    Run r = new Run(Map.of("SNAPSYNC_CLUSTER_ENABLED", "true"), "pw\n");
    assertEquals(64, Main.run(new String[] {"passwd", "dave", "--conf", f.toString()}, r.io));
    assertTrue(r.err().contains("uses the users of the cluster's data node"), r.err());
    assertTrue(Files.notExists(dir.resolve("data").resolve("users.json")));
  }
}
