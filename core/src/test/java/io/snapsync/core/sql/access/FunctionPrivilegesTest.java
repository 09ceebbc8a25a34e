package io.snapsync.core.sql.access;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.testing.TestServices;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXECUTE on user functions with PostgreSQL's semantics: PUBLIC holds it by default, REVOKE
 * takes it away (42501 at the call, in a select list or in FROM), GRANT gives it to a role,
 * {@code has_function_privilege} answers as the call would, and only the owner replaces,
 * alters or drops a function.
 */
class FunctionPrivilegesTest {

  @TempDir
  Path dir;
  private EngineFixture f;
  private Session admin;
  private Session alice;
  private Session bob;

  @BeforeEach
  void start() {
    f = EngineFixture.start(dir);
    admin = f.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
    exec(admin, "CREATE USER bob PASSWORD 'bob-pw'");
    alice = f.session();
    bob = f.session("bob", "bob-pw");
    exec(alice, "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT x * 2'");
    exec(alice, "CREATE FUNCTION evens(n int) RETURNS SETOF int LANGUAGE sql"
        + " AS 'SELECT g * 2 FROM generate_series(1, n) g'");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String denied(Session s, String sql) {
    return f.render(fails(s, sql, "42501").message());
  }

  @Test
  void publicMayCallUntilRevokedAndAGrantGivesItBack() {
    assertEquals(42, value(bob, "SELECT twice(21)"));
    assertEquals(true, value(bob, "SELECT has_function_privilege('twice(integer)', 'EXECUTE')"));
    assertEquals("REVOKE", exec(alice, "REVOKE EXECUTE ON FUNCTION twice(int) FROM PUBLIC")
        .commandTag());
    assertEquals("permission denied for function twice", denied(bob, "SELECT twice(21)"));
    assertEquals(false, value(bob, "SELECT has_function_privilege('twice(int)', 'execute')"));
    assertEquals(false, value(alice,
        "SELECT has_function_privilege('bob', 'twice(integer)', 'EXECUTE')"));
    assertEquals(42, value(alice, "SELECT twice(21)"));
    assertEquals(42, value(admin, "SELECT twice(21)"));
    exec(alice, "GRANT EXECUTE ON FUNCTION twice(integer) TO bob");
    assertEquals(42, value(bob, "SELECT twice(21)"));
    assertEquals(true, value(bob, "SELECT has_function_privilege(oid, 'EXECUTE')"
        + " FROM pg_proc WHERE proname = 'twice'"));
    exec(alice, "REVOKE ALL ON FUNCTION twice FROM bob");
    assertEquals("permission denied for function twice", denied(bob, "SELECT twice(21)"));
  }

  @Test
  void setReturningFunctionsInFromAreCheckedToo() {
    assertEquals(3L, value(bob, "SELECT count(*) FROM evens(3)"));
    exec(alice, "REVOKE EXECUTE ON FUNCTION evens(int) FROM PUBLIC");
    assertEquals("permission denied for function evens",
        denied(bob, "SELECT count(*) FROM evens(3)"));
  }

  @Test
  void onlyTheOwnerReplacesAltersOrDropsAFunction() {
    String text = "must be owner of function twice";
    assertEquals(text, denied(bob,
        "CREATE OR REPLACE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT 0'"));
    assertEquals(text, denied(bob, "ALTER FUNCTION twice(int) IMMUTABLE"));
    assertEquals(text, denied(bob, "DROP FUNCTION twice(int)"));
    assertEquals(text, denied(bob, "ALTER FUNCTION twice(int) OWNER TO bob"));
    assertEquals("no privileges were granted for \"twice\"", f.render(exec(bob,
        "GRANT EXECUTE ON FUNCTION twice(int) TO bob").notices().get(0).message()));
    exec(admin, "ALTER FUNCTION twice(int) OWNER TO bob");
    exec(bob, "REVOKE EXECUTE ON FUNCTION twice(int) FROM PUBLIC");
    assertEquals("permission denied for function twice", denied(alice, "SELECT twice(1)"));
    assertEquals("role \"bob\" cannot be dropped because some objects depend on it",
        f.render(fails(admin, "DROP ROLE bob", "2BP01").message()));
    exec(bob, "DROP FUNCTION twice(int)");
    exec(alice, "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT x * 2'");
    assertEquals(2, value(bob, "SELECT twice(1)"));
  }

  @Test
  void grantsOnAnOverloadedNameNeedTheArguments() {
    exec(alice, "CREATE FUNCTION twice(x text) RETURNS text LANGUAGE sql AS 'SELECT x || x'");
    assertEquals("function name \"twice\" is not unique", f.render(fails(alice,
        "GRANT EXECUTE ON FUNCTION twice TO bob", "42725").message()));
    exec(alice, "REVOKE EXECUTE ON FUNCTION twice(text) FROM PUBLIC");
    assertEquals(4, value(bob, "SELECT twice(2)"));
    assertEquals("permission denied for function twice", denied(bob, "SELECT twice('a'::text)"));
  }
}
