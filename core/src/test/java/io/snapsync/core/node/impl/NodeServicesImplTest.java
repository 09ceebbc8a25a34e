package io.snapsync.core.node.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.security.Roles;
import io.snapsync.core.security.impl.RoleCheck;
import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.core.testing.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeServicesImplTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void builderDefaultsGiveWorkingSettingsUsersAndServices(@TempDir Path dir) {
    NodeServicesImpl s = TestServices.create(vertx, dir);
    assertEquals("node1", s.node().name());
    assertEquals(dir, s.dataDirectory());
    SessionSettings a = s.newSessionSettings();
    SessionSettings b = s.newSessionSettings();
    assertNotSame(a, b);
    a.set("lc_messages", "zh_CN.UTF-8");
    assertEquals("en_US.UTF-8", b.show("lc_messages"));
    assertEquals(TestServices.ADMIN,
        s.users().authenticate(TestServices.ADMIN, TestServices.ADMIN_PASSWORD).await());
    assertTrue(RoleCheck.hasRole(s.authorization(), TestServices.ADMIN, Roles.SYSADMIN).await());
    assertSame(s.stats(), s.service(ActivityStats.class).orElseThrow());
    s.registerService(String.class, "hello");
    assertEquals("hello", s.service(String.class).orElseThrow());
    assertTrue(s.service(Integer.class).isEmpty());
  }

  @Test
  void authorizationProviderCanBeReplaced(@TempDir Path dir) {
    NodeServicesImpl s = TestServices.create(vertx, dir);
    s.setAuthorization(new AuthorizationProvider() {
      @Override
      public String getId() {
        return "everyone-sysadmin";
      }

      @Override
      public Future<Void> getAuthorizations(io.vertx.ext.auth.User user) {
        user.authorizations().put(getId(), RoleBasedAuthorization.create(Roles.SYSADMIN));
        return Future.succeededFuture();
      }
    });
    assertTrue(RoleCheck.hasRole(s.authorization(), TestServices.USER, Roles.SYSADMIN).await());
  }
}
