package io.snapsync.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.Node;
import io.snapsync.core.security.Roles;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 "users differ per node": a coordinator without storage (cn1) uses the data node's
 * (dn1) users, passwords and roles, fetched over the signed internal channel, and follows
 * changes made to dn1's users file by another process (as {@code snapsync passwd} does).
 */
class ClusterUsersTest {

  @TempDir
  static Path dir;
  static Node dn1;
  static Node cn1;

  @BeforeAll
  static void start() {
    String cluster = TestNodes.clusterName();
    List<Integer> ports = List.of(TestNodes.freePort(), TestNodes.freePort());
    dn1 = Node.start(TestNodes.clusterConfig(dir, "dn1", "datanode", cluster, ports.get(0),
        ports)).await();
    // Were cn1 to create its own admin, it would have this other password.
    cn1 = Node.start(TestNodes.clusterConfig(dir, "cn1", "coordinator", cluster, ports.get(1),
        ports).with(new JsonObject().put("security",
            new JsonObject().put("initialAdminPassword", "cn1-own-password")))).await();
  }

  @AfterAll
  static void stop() {
    for (Node n : new Node[] {cn1, dn1}) {
      if (n != null) {
        n.close().await();
      }
    }
  }

  private static UserDirectory users(Node n) {
    return n.services().users();
  }

  @Test
  void coordinatorUsesTheDataNodesUsers() {
    assertFalse(Files.exists(cn1.services().dataDirectory().resolve(FileUserDirectory.FILE_NAME)),
        "a coordinator without storage keeps no users file of its own");
    assertTrue(cn1.initialPasswordFile().isEmpty());
    assertEquals(TestNodes.ADMIN, users(cn1).authenticate(TestNodes.ADMIN,
        TestNodes.ADMIN_PASSWORD).await());
    assertThrows(SnapsyncException.class,
        () -> users(cn1).authenticate(TestNodes.ADMIN, "cn1-own-password").await());
    assertEquals(Set.of(Roles.SYSADMIN), users(cn1).roles(TestNodes.ADMIN));
    assertEquals(users(dn1).scramVerifier(TestNodes.ADMIN), users(cn1).scramVerifier(
        TestNodes.ADMIN));
  }

  @Test
  void changesOnTheDataNodeReachTheCoordinator() {
    Path file = dn1.services().dataDirectory().resolve(FileUserDirectory.FILE_NAME);
    FileUserDirectory passwd = FileUserDirectory.load(null, file, null, "passwd");
    passwd.setPassword("carol", "carol-1", List.of(Roles.MONADMIN));
    // A password login asks the data node first: no waiting.
    assertEquals("carol", users(cn1).authenticate("carol", "carol-1").await());
    assertEquals(Set.of(Roles.MONADMIN), users(cn1).roles("carol"));

    passwd.setPassword("carol", "carol-2", List.of());
    assertThrows(SnapsyncException.class,
        () -> users(cn1).authenticate("carol", "carol-1").await());
    assertEquals("carol", users(cn1).authenticate("carol", "carol-2").await());
    assertEquals(Set.of(), users(cn1).roles("carol"), "demoted everywhere");
    assertEquals(users(dn1).scramVerifier("carol"), users(cn1).scramVerifier("carol"));
  }
}
