package io.snapsync.core.sql.access;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.security.Roles;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.snapsync.core.security.impl.ScramVerifier;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.testing.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE / ALTER / DROP ROLE and role membership on the users file: SYSADMIN only, PostgreSQL
 * 15's texts, in force for the next login at once.
 */
class RoleStatementsTest {

  @TempDir
  Path dir;
  private EngineFixture f;
  private Session admin;

  @BeforeEach
  void start() {
    f = EngineFixture.start(dir);
    admin = f.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private FileUserDirectory users() {
    return (FileUserDirectory) f.services.users();
  }

  private String text(SnapsyncException e) {
    return f.render(e.message());
  }

  @Test
  void createdUserLogsInAtOnceAndTheFileHoldsOnlyAVerifier() throws Exception {
    assertEquals("CREATE ROLE", exec(admin, "CREATE USER bob WITH PASSWORD 'bob-pw'")
        .commandTag());
    Session bob = f.session("bob", "bob-pw");
    assertEquals("bob", EngineFixture.value(bob, "SELECT current_user"));
    String file = java.nio.file.Files.readString(users().file());
    assertFalse(file.contains("bob-pw"), file);
    assertTrue(file.contains("SCRAM-SHA-256$"), file);
    // another process reading the file (bin/snapsync passwd) sees bob
    FileUserDirectory other = FileUserDirectory.load(null, users().file(), null, "test");
    assertTrue(other.exists("bob"));
  }

  @Test
  void passwordChangeAndRenameTakeEffectForLogins() {
    exec(admin, "CREATE ROLE bob LOGIN PASSWORD 'one'");
    exec(admin, "ALTER ROLE bob WITH PASSWORD 'two'");
    SnapsyncException old = assertLoginFails("bob", "one");
    assertEquals("28P01", old.sqlState());
    f.session("bob", "two");
    assertEquals("ALTER ROLE", exec(admin, "ALTER ROLE bob RENAME TO robert").commandTag());
    assertLoginFails("bob", "two");
    f.session("robert", "two");
  }

  @Test
  void aUserChangesItsOwnPasswordButNothingElse() {
    exec(admin, "CREATE USER bob PASSWORD 'one'");
    Session bob = f.session("bob", "one");
    exec(bob, "ALTER USER current_user PASSWORD 'two'");
    f.session("bob", "two");
    assertEquals("permission denied",
        text(fails(bob, "ALTER ROLE bob SUPERUSER", "42501")));
    assertEquals("permission denied",
        text(fails(bob, "ALTER ROLE alice PASSWORD 'x'", "42501")));
  }

  @Test
  void verifierGivenAsPasswordIsStoredAsGiven() {
    String v = ScramVerifier.create("secret-pw", 4096).encode();
    exec(admin, "CREATE USER carol PASSWORD '" + v + "'");
    assertEquals(v, users().scramVerifier("carol").orElseThrow());
    f.session("carol", "secret-pw");
  }

  @Test
  void nologinRolesAndRolesWithoutPasswordCannotLogIn() {
    exec(admin, "CREATE ROLE readers");
    assertFalse(users().entry("readers").login());
    assertLoginFails("readers", "");
    exec(admin, "CREATE USER dave");
    assertNull(users().entry("dave").verifier());
    assertLoginFails("dave", "x");
    exec(admin, "ALTER ROLE readers LOGIN PASSWORD 'r'");
    f.session("readers", "r");
    exec(admin, "ALTER ROLE readers NOLOGIN");
    assertLoginFails("readers", "r");
  }

  @Test
  void ordinaryUsersGetPostgresTexts() {
    Session alice = f.session();
    assertEquals("permission denied to create role",
        text(fails(alice, "CREATE ROLE x", "42501")));
    assertEquals("permission denied to drop role",
        text(fails(alice, "DROP ROLE monitor", "42501")));
    assertEquals("permission denied to rename role",
        text(fails(alice, "ALTER ROLE monitor RENAME TO m", "42501")));
    assertEquals("must have admin option on role \"SYSADMIN\"",
        text(fails(alice, "GRANT sysadmin TO alice", "42501")));
    assertFalse(f.services.users().roles(TestServices.USER).contains(Roles.SYSADMIN));
  }

  @Test
  void errorsOfTheStatementsThemselves() {
    assertEquals("role \"alice\" already exists", text(fails(admin, "CREATE ROLE alice",
        "42710")));
    assertEquals("role \"nobody\" does not exist", text(fails(admin, "DROP ROLE nobody",
        "42704")));
    StatementResult skip = exec(admin, "DROP ROLE IF EXISTS nobody");
    assertEquals("role \"nobody\" does not exist, skipping",
        f.render(skip.notices().get(0).message()));
    assertEquals("current user cannot be dropped", text(fails(admin, "DROP ROLE admin",
        "55006")));
    assertEquals("role name \"public\" is reserved", text(fails(admin, "CREATE ROLE public",
        "42939")));
    assertEquals("role name \"pg_x\" is reserved", text(fails(admin, "CREATE ROLE pg_x",
        "42939")));
    assertEquals("session user cannot be renamed",
        text(fails(admin, "ALTER ROLE admin RENAME TO root", "0A000")));
    assertEquals("DROP ROLE cannot run inside a transaction block",
        text(fails(admin, "BEGIN; DROP ROLE monitor", "25001")));
  }

  @Test
  void superuserAndAdminRolesAreGrantedAndRevoked() {
    exec(admin, "CREATE USER bob PASSWORD 'b' SUPERUSER");
    assertEquals(Set.of(Roles.SYSADMIN), f.services.users().roles("bob"));
    Session bob = f.session("bob", "b");
    exec(bob, "CREATE ROLE made_by_bob");
    exec(admin, "ALTER ROLE bob NOSUPERUSER");
    fails(bob, "CREATE ROLE again", "42501");
    assertEquals("GRANT ROLE", exec(admin, "GRANT MONADMIN TO bob").commandTag());
    assertEquals(Set.of(Roles.MONADMIN), f.services.users().roles("bob"));
    StatementResult again = exec(admin, "GRANT monadmin TO bob");
    assertEquals("role \"bob\" is already a member of role \"MONADMIN\"",
        f.render(again.notices().get(0).message()));
    assertEquals("REVOKE ROLE", exec(admin, "REVOKE monadmin FROM bob").commandTag());
    assertEquals(Set.of(), f.services.users().roles("bob"));
    StatementResult notMember = exec(admin, "REVOKE monadmin FROM bob");
    assertEquals("role \"bob\" is not a member of role \"MONADMIN\"",
        f.render(notMember.notices().get(0).message()));
  }

  @Test
  void membershipIsTransitiveAndCyclesAreRefused() {
    exec(admin, "CREATE ROLE staff; CREATE ROLE team IN ROLE staff; CREATE USER bob");
    exec(admin, "GRANT team TO bob");
    assertEquals(Set.of("team", "staff"), f.services.users().memberOf("bob"));
    assertEquals("role \"staff\" is a member of role \"staff\"",
        text(fails(admin, "GRANT staff TO staff", "0LP01")));
    assertEquals("role \"team\" is a member of role \"staff\"",
        text(fails(admin, "GRANT team TO staff", "0LP01")));
    exec(admin, "DROP ROLE team");
    assertEquals(Set.of(), f.services.users().memberOf("bob"));
    assertEquals(List.of(), List.copyOf(users().entry("staff").memberOf()));
  }

  private SnapsyncException assertLoginFails(String user, String password) {
    try {
      f.session(user, password);
    } catch (SnapsyncException e) {
      assertEquals("28P01", e.sqlState());
      return e;
    }
    throw new AssertionError("login of " + user + " succeeded");
  }
}
