package io.snapsync.core.testing;

import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.security.Roles;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

/**
 * Node services for tests without a full node: real settings, catalog, users file and
 * authorization in {@code dataDirectory}. Users: {@value #ADMIN} / {@value #ADMIN_PASSWORD}
 * (SYSADMIN), {@value #MONITOR} / {@value #MONITOR_PASSWORD} (MONADMIN), {@value #USER} /
 * {@value #USER_PASSWORD} (ordinary). Blocking (hashes passwords): call from a test thread.
 */
public final class TestServices {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-secret";
  public static final String MONITOR = "monitor";
  public static final String MONITOR_PASSWORD = "monitor-secret";
  public static final String USER = "alice";
  public static final String USER_PASSWORD = "alice-secret";

  private TestServices() {
  }

  /** A builder pre-filled with the test users; add a clock, node, etc. and {@code build()}. */
  public static NodeServicesImpl.Builder builder(Vertx vertx, Path dataDirectory) {
    FileUserDirectory users = FileUserDirectory.load(vertx,
        dataDirectory.resolve(FileUserDirectory.FILE_NAME), null, "test");
    users.setPassword(ADMIN, ADMIN_PASSWORD, List.of(Roles.SYSADMIN));
    users.setPassword(MONITOR, MONITOR_PASSWORD, List.of(Roles.MONADMIN));
    users.setPassword(USER, USER_PASSWORD, List.of());
    return NodeServicesImpl.builder(vertx).dataDirectory(dataDirectory).users(users);
  }

  /** Services with the test users and every default. */
  public static NodeServicesImpl create(Vertx vertx, Path dataDirectory) {
    return builder(vertx, dataDirectory).build();
  }
}
