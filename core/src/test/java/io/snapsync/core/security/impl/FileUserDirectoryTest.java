package io.snapsync.core.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.config.ConfigException;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.security.Roles;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUserDirectoryTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static FileUserDirectory load(Path dir) {
    return FileUserDirectory.load(vertx, dir.resolve(FileUserDirectory.FILE_NAME), null, "test");
  }

  @Test
  void firstStartCreatesAdminWithPrivatePasswordFileAndStoresOnlyTheVerifier(@TempDir Path dir)
      throws Exception {
    FileUserDirectory users = load(dir);
    Optional<Path> written = InitialAdmin.ensure(users, dir, null);
    assertTrue(written.isPresent());
    Path pwFile = dir.resolve("initial-admin-password");
    assertEquals(pwFile, written.get());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pwFile)));
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("users.json"))));
    String password = Files.readString(pwFile).trim();
    assertTrue(password.length() >= 20);
    String stored = Files.readString(dir.resolve("users.json"));
    assertFalse(stored.contains(password));
    assertTrue(stored.contains("SCRAM-SHA-256$4096:"));

    FileUserDirectory reloaded = load(dir);
    assertEquals("admin", reloaded.authenticate("admin", password).await());
    assertEquals(java.util.Set.of(Roles.SYSADMIN), reloaded.roles("admin"));
    assertTrue(reloaded.scramVerifier("admin").orElseThrow().startsWith("SCRAM-SHA-256$"));
    // a second start creates nothing
    assertTrue(InitialAdmin.ensure(reloaded, dir, null).isEmpty());
  }

  @Test
  void wrongPasswordAndUnknownUserFailAlikeWith28P01(@TempDir Path dir) {
    FileUserDirectory users = load(dir);
    users.setPassword("alice", "right", List.of());
    SnapsyncException wrong = assertInstanceOf(SnapsyncException.class,
        assertThrows(Exception.class, () -> users.authenticate("alice", "wrong").await()));
    assertEquals("28P01", wrong.sqlState());
    assertEquals("password authentication failed for user \"alice\"", wrong.getMessage());
    assertEquals("用户 \"alice\" 的密码认证失败",
        wrong.render(MessageCatalog.builtin(), "zh_CN.UTF-8"));
    SnapsyncException unknown = assertInstanceOf(SnapsyncException.class,
        assertThrows(Exception.class, () -> users.authenticate("bob", "right").await()));
    assertEquals("28P01", unknown.sqlState());
    SnapsyncException empty = assertInstanceOf(SnapsyncException.class,
        assertThrows(Exception.class, () -> users.authenticate("alice", "").await()));
    assertEquals("28P01", empty.sqlState());
    assertEquals("alice", users.authenticate("alice", "right").await());
  }

  @Test
  void configuredUsersComeWithTheirVerifierAndBadOnesNameTheKey(@TempDir Path dir) {
    String v = ScramVerifier.create("mon-pw", 4096).encode();
    JsonArray conf = new JsonArray().add(new JsonObject().put("name", "mon").put("verifier", v)
        .put("roles", new JsonArray().add("MONADMIN")));
    FileUserDirectory users = FileUserDirectory.load(vertx, dir.resolve("users.json"), conf,
        "conf/snapsync.yaml");
    assertEquals("mon", users.authenticate("mon", "mon-pw").await());
    assertTrue(InitialAdmin.ensure(users, dir, null).isEmpty(), "users exist: no admin");

    JsonArray bad = new JsonArray().add(new JsonObject().put("name", "x").put("verifier", "plain"));
    ConfigException e = assertThrows(ConfigException.class, () -> FileUserDirectory.load(vertx,
        dir.resolve("users.json"), bad, "conf/snapsync.yaml"));
    assertEquals("conf/snapsync.yaml", e.file());
    assertEquals("security.users[0].verifier", e.key());
    assertTrue(e.getMessage().startsWith(
        "invalid configuration in \"conf/snapsync.yaml\": key \"security.users[0].verifier\""),
        e.getMessage());
    JsonArray badRole = new JsonArray().add(new JsonObject().put("name", "x").put("verifier", v)
        .put("roles", new JsonArray().add("ROOT")));
    ConfigException r = assertThrows(ConfigException.class, () -> FileUserDirectory.load(vertx,
        dir.resolve("users.json"), badRole, "c.yaml"));
    assertEquals("security.users[0].roles", r.key());
  }

  @Test
  void authorizationProviderGrantsRolesAndSysadminImpliesMonadmin(@TempDir Path dir) {
    FileUserDirectory users = load(dir);
    users.setPassword("root", "pw1", List.of(Roles.SYSADMIN));
    users.setPassword("mon", "pw2", List.of(Roles.MONADMIN));
    users.setPassword("joe", "pw3", List.of());
    AuthorizationProvider p = new UsersAuthorizationProvider(users);
    assertTrue(RoleCheck.hasRole(p, "root", Roles.SYSADMIN).await());
    assertTrue(RoleCheck.hasRole(p, "root", Roles.MONADMIN).await());
    assertFalse(RoleCheck.hasRole(p, "mon", Roles.SYSADMIN).await());
    assertTrue(RoleCheck.hasRole(p, "mon", Roles.MONADMIN).await());
    assertFalse(RoleCheck.hasRole(p, "joe", Roles.MONADMIN).await());
    assertFalse(RoleCheck.hasRole(p, "nobody", Roles.SYSADMIN).await());
  }
}
