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
 * USAGE and CREATE on schemas with PostgreSQL's semantics: reaching an object in a schema needs
 * USAGE, creating one needs CREATE, the owner holds both, {@code has_schema_privilege} answers
 * as the checks decide, and table grants work on tables of any schema.
 */
class SchemaPrivilegesTest {

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
    exec(alice, "CREATE SCHEMA s");
    exec(alice, "CREATE TABLE s.t (id int PRIMARY KEY, v text)");
    exec(alice, "INSERT INTO s.t VALUES (1, 'one')");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String denied(Session s, String sql) {
    return f.render(fails(s, sql, "42501").message());
  }

  @Test
  void withoutUsageNothingInTheSchemaIsReachableEvenWithTableGrants() {
    exec(alice, "GRANT SELECT, INSERT ON s.t TO bob");
    String text = "permission denied for schema s";
    assertEquals(text, denied(bob, "SELECT * FROM s.t"));
    assertEquals(text, denied(bob, "INSERT INTO s.t VALUES (2, 'two')"));
    assertEquals(text, denied(bob, "DELETE FROM s.t"));
    assertEquals(text, denied(bob, "DROP TABLE s.t"));
    assertEquals("GRANT", exec(alice, "GRANT USAGE ON SCHEMA s TO bob").commandTag());
    assertEquals("one", value(bob, "SELECT v FROM s.t WHERE id = 1"));
    exec(bob, "INSERT INTO s.t VALUES (2, 'two')");
    assertEquals("permission denied for table t", denied(bob, "DELETE FROM s.t"));
    assertEquals("must be owner of table t", denied(bob, "DROP TABLE s.t"));
    exec(alice, "REVOKE USAGE ON SCHEMA s FROM bob");
    assertEquals(text, denied(bob, "SELECT * FROM s.t"));
    assertEquals(2L, value(admin, "SELECT count(*) FROM s.t"));
  }

  @Test
  void creatingInASchemaNeedsCreateOnIt() {
    String text = "permission denied for schema s";
    assertEquals(text, denied(bob, "CREATE TABLE s.b (id int)"));
    assertEquals(text, denied(bob, "CREATE VIEW s.bv AS SELECT 1 AS one"));
    exec(alice, "GRANT USAGE ON SCHEMA s TO bob");
    assertEquals(text, denied(bob, "CREATE TABLE s.b (id int)"));
    exec(alice, "GRANT CREATE ON SCHEMA s TO bob");
    exec(bob, "CREATE TABLE s.b (id int)");
    exec(bob, "INSERT INTO s.b VALUES (7)");
    assertEquals(7, value(bob, "SELECT id FROM s.b"));
    exec(bob, "SET search_path = s; CREATE TABLE c (id int)");
    exec(bob, "DROP TABLE s.c");
  }

  @Test
  void publicGrantsUsageAndCreateToEveryoneUntilRevoked() {
    exec(bob, "CREATE TABLE mine (id int)");
    exec(admin, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    assertEquals("permission denied for schema public", denied(bob, "CREATE TABLE more (id int)"));
    exec(admin, "CREATE TABLE shared (id int); GRANT SELECT ON shared TO bob");
    assertEquals(0L, value(bob, "SELECT count(*) FROM shared"));
    exec(admin, "REVOKE USAGE ON SCHEMA public FROM PUBLIC");
    assertEquals("permission denied for schema public", denied(bob, "SELECT * FROM shared"));
    exec(admin, "GRANT USAGE, CREATE ON SCHEMA public TO PUBLIC");
    exec(bob, "CREATE TABLE more (id int)");
  }

  @Test
  void theOwnerOfASchemaAloneDropsOrAltersIt() {
    assertEquals("must be owner of schema s", denied(bob, "DROP SCHEMA s CASCADE"));
    assertEquals("must be owner of schema s", denied(bob, "ALTER SCHEMA s RENAME TO r"));
    assertEquals("must be owner of schema s", denied(bob, "ALTER SCHEMA s OWNER TO bob"));
    assertEquals("must be member of role \"bob\"", denied(alice, "ALTER SCHEMA s OWNER TO bob"));
    exec(admin, "ALTER SCHEMA s OWNER TO bob");
    assertEquals(true, value(bob, "SELECT has_schema_privilege('s', 'CREATE')"));
    exec(bob, "CREATE TABLE s.b (id int)");
  }

  @Test
  void hasSchemaPrivilegeAnswersAsTheChecksDecide() {
    assertEquals(false, value(bob, "SELECT has_schema_privilege('s', 'USAGE')"));
    assertEquals(true, value(alice, "SELECT has_schema_privilege('s', 'USAGE, CREATE')"));
    assertEquals(true, value(bob, "SELECT has_schema_privilege('public', 'CREATE')"));
    assertEquals(true, value(bob, "SELECT has_schema_privilege('pg_catalog', 'USAGE')"));
    exec(alice, "GRANT USAGE ON SCHEMA s TO bob");
    assertEquals("alice=UC/alice,bob=U/alice", value(alice,
        "SELECT array_to_string(nspacl, ',') FROM pg_namespace WHERE nspname = 's'"));
    assertEquals(true, value(bob, "SELECT has_schema_privilege('s', 'usage')"));
    assertEquals(false, value(bob, "SELECT has_schema_privilege('s', 'create')"));
    assertEquals(false, value(alice, "SELECT has_schema_privilege('bob', 's', 'CREATE')"));
    assertEquals(true, value(alice,
        "SELECT has_schema_privilege(oid, 'USAGE') FROM pg_namespace WHERE nspname = 's'"));
    assertEquals("unrecognized privilege type: \"SELECT\"", f.render(fails(bob,
        "SELECT has_schema_privilege('s', 'SELECT')", "22023").message()));
    assertEquals("schema \"nope\" does not exist", f.render(fails(bob,
        "SELECT has_schema_privilege('nope', 'USAGE')", "3F000").message()));
    assertEquals("role \"nobody\" does not exist", f.render(fails(bob,
        "SELECT has_schema_privilege('nobody', 's', 'USAGE')", "42704").message()));
  }

  @Test
  void grantOnAllTablesInASchemaCoversThatSchemaOnly() {
    exec(alice, "CREATE TABLE p (id int)");
    exec(alice, "CREATE VIEW s.v AS SELECT id FROM s.t");
    exec(alice, "GRANT USAGE ON SCHEMA s TO bob");
    exec(alice, "GRANT SELECT ON ALL TABLES IN SCHEMA s TO bob");
    assertEquals(1L, value(bob, "SELECT count(*) FROM s.t"));
    assertEquals(1L, value(bob, "SELECT count(*) FROM s.v"));
    assertEquals("permission denied for table p", denied(bob, "SELECT * FROM p"));
    assertEquals("schema \"nope\" does not exist", f.render(fails(alice,
        "GRANT SELECT ON ALL TABLES IN SCHEMA nope TO bob", "3F000").message()));
  }

  @Test
  void hasTablePrivilegeAnswersAsTheChecksDecide() {
    assertEquals(false, value(bob, "SELECT has_table_privilege('s.t', 'SELECT')"));
    assertEquals(true, value(alice, "SELECT has_table_privilege('s.t', 'SELECT, DELETE')"));
    exec(alice, "GRANT SELECT ON s.t TO bob");
    // as in PostgreSQL, the table's own privileges, whatever the schema's
    assertEquals(true, value(bob, "SELECT has_table_privilege('s.t', 'select')"));
    assertEquals(false, value(bob, "SELECT has_table_privilege('s.t', 'INSERT')"));
    assertEquals(true, value(alice, "SELECT has_table_privilege('bob', 's.t', 'INSERT, SELECT')"));
    assertEquals(true, value(bob,
        "SELECT has_table_privilege(oid, 'SELECT') FROM pg_class WHERE relname = 't'"));
    assertEquals(true, value(bob, "SELECT has_table_privilege('pg_class', 'SELECT')"));
    assertEquals("relation \"nope\" does not exist", f.render(fails(bob,
        "SELECT has_table_privilege('nope', 'SELECT')", "42P01").message()));
    assertEquals("unrecognized privilege type: \"USAGE\"", f.render(fails(bob,
        "SELECT has_table_privilege('s.t', 'USAGE')", "22023").message()));
  }
}
