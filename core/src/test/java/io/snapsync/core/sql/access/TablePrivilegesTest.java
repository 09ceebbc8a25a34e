package io.snapsync.core.sql.access;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.testing.TestServices;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ownership and GRANT / REVOKE on tables with PostgreSQL's semantics and 42501 texts, checked
 * at each access path: queries, DML, the bulk INSERT, TRUNCATE, COPY, DROP.
 */
class TablePrivilegesTest {

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
    exec(alice, "CREATE TABLE t (id int PRIMARY KEY, v text)");
    exec(alice, "INSERT INTO t VALUES (1, 'one')");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String denied(Session s, String sql) {
    SnapsyncException e = fails(s, sql, "42501");
    return f.render(e.message());
  }

  private String relacl(String table) {
    StoreTransaction t = f.store.begin();
    try {
      TableDef d = TableCatalog.require(t, table);
      return Acls.relacl(t, d);
    } finally {
      t.rollback();
    }
  }

  @Test
  void theCreatorOwnsTheTableAndOthersAreRefusedEverything() {
    StoreTransaction t = f.store.begin();
    assertEquals(TestServices.USER, TableCatalog.require(t, "t").owner());
    t.rollback();
    String text = "permission denied for table t";
    assertEquals(text, denied(bob, "SELECT * FROM t"));
    assertEquals(text, denied(bob, "SELECT count(*) FROM (SELECT v FROM t) x"));
    assertEquals(text, denied(bob, "INSERT INTO t VALUES (2, 'two')"));
    assertEquals(text, denied(bob, "INSERT INTO t SELECT 3, 'x'"));
    assertEquals(text, denied(bob, "UPDATE t SET v = 'x' WHERE id = 1"));
    assertEquals(text, denied(bob, "DELETE FROM t"));
    assertEquals(text, denied(bob, "TRUNCATE t"));
    assertEquals("must be owner of table t", denied(bob, "DROP TABLE t"));
    assertEquals("one", value(admin, "SELECT v FROM t"));
    assertEquals("one", value(alice, "SELECT v FROM t"));
  }

  @Test
  void grantsGiveExactlyWhatIsGrantedAndRevokeTakesItBack() {
    assertEquals("GRANT", exec(alice, "GRANT SELECT ON t TO bob").commandTag());
    assertEquals("one", value(bob, "SELECT v FROM t"));
    assertEquals("permission denied for table t", denied(bob, "INSERT INTO t VALUES (2, 'b')"));
    exec(alice, "GRANT INSERT, UPDATE ON TABLE public.t TO bob");
    exec(bob, "INSERT INTO t VALUES (2, 'b')");
    exec(bob, "UPDATE t SET v = 'bee' WHERE id = 2");
    denied(bob, "DELETE FROM t WHERE id = 2");
    assertEquals("{alice=arwdDxt/alice,bob=arw/alice}", relacl("t"));
    assertEquals("REVOKE", exec(alice, "REVOKE SELECT ON t FROM bob").commandTag());
    denied(bob, "SELECT v FROM t");
    exec(alice, "REVOKE ALL ON t FROM bob");
    assertEquals("{alice=arwdDxt/alice}", relacl("t"));
    denied(bob, "INSERT INTO t VALUES (3, 'c')");
  }

  @Test
  void publicAndRoleGrantsApplyToMembers() {
    exec(admin, "CREATE ROLE readers; GRANT readers TO bob");
    exec(alice, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO readers");
    assertEquals("one", value(bob, "SELECT v FROM t"));
    exec(admin, "REVOKE readers FROM bob");
    denied(bob, "SELECT v FROM t");
    exec(alice, "GRANT DELETE, SELECT ON t TO PUBLIC");
    exec(bob, "DELETE FROM t WHERE id = 1");
    assertEquals("{alice=arwdDxt/alice,readers=r/alice,=rd/alice}", relacl("t"));
  }

  @Test
  void grantOptionLetsAGranteeGrantAndOthersAreWarnedOrRefused() {
    String sql = "GRANT SELECT ON t TO monitor";
    assertEquals("permission denied for table t", denied(bob, sql));
    exec(alice, "GRANT INSERT ON t TO bob");
    StatementResult none = exec(bob, sql);
    assertEquals("no privileges were granted for \"t\"",
        f.render(none.notices().get(0).message()));
    exec(alice, "GRANT SELECT ON t TO bob WITH GRANT OPTION");
    exec(bob, sql);
    Session monitor = f.session(TestServices.MONITOR, TestServices.MONITOR_PASSWORD);
    assertEquals("one", value(monitor, "SELECT v FROM t"));
    assertEquals("{alice=arwdDxt/alice,bob=ar*/alice,monitor=r/bob}", relacl("t"));
    assertEquals("grant options can only be granted to roles",
        f.render(fails(alice, "GRANT SELECT ON t TO PUBLIC WITH GRANT OPTION", "0LP01")
            .message()));
    assertEquals("invalid privilege type USAGE for table",
        f.render(fails(alice, "GRANT USAGE ON t TO bob", "0LP01").message()));
    assertEquals("role \"nobody\" does not exist",
        f.render(fails(alice, "GRANT SELECT ON t TO nobody", "42704").message()));
  }

  @Test
  void grantsAreTransactional() {
    exec(alice, "BEGIN; GRANT SELECT ON t TO bob; ROLLBACK");
    denied(bob, "SELECT v FROM t");
    assertNull(relacl("t"));
  }

  @Test
  void ownerChangesHandOverTheTable() {
    assertEquals("must be owner of table t", denied(bob, "ALTER TABLE t OWNER TO bob"));
    assertEquals("must be member of role \"bob\"", denied(alice, "ALTER TABLE t OWNER TO bob"));
    exec(alice, "GRANT SELECT ON t TO monitor");
    assertEquals("ALTER TABLE", exec(admin, "ALTER TABLE t OWNER TO bob").commandTag());
    assertEquals("one", value(bob, "SELECT v FROM t"));
    denied(alice, "SELECT v FROM t");
    assertEquals("{bob=arwdDxt/bob,monitor=r/bob}", relacl("t"));
    assertEquals("role \"bob\" cannot be dropped because some objects depend on it",
        f.render(fails(admin, "DROP ROLE bob", "2BP01").message()));
    exec(bob, "DROP TABLE t");
    exec(admin, "DROP ROLE bob");
  }

  @Test
  void droppedTableForgetsItsGrants() {
    exec(alice, "GRANT SELECT ON t TO bob");
    exec(alice, "DROP TABLE t; CREATE TABLE t (id int PRIMARY KEY)");
    denied(bob, "SELECT * FROM t");
    assertNull(relacl("t"));
  }

  @Test
  void schemaAndFunctionGrantsAreStoredForTheCatalogs() {
    assertEquals("no privileges were granted for \"public\"", f.render(exec(alice,
        "GRANT USAGE ON SCHEMA public TO bob").notices().get(0).message()));
    exec(admin, "GRANT USAGE, CREATE ON SCHEMA public TO bob");
    exec(admin, "GRANT EXECUTE ON FUNCTION upper(text) TO bob");
    StoreTransaction t = f.store.begin();
    try {
      assertEquals("{=UC/admin,bob=UC/admin}", Acls.nspacl(t));
      assertNull(Acls.schemaOwner(t));
    } finally {
      t.rollback();
    }
    assertEquals("schema \"other\" does not exist",
        f.render(fails(admin, "GRANT USAGE ON SCHEMA other TO bob", "3F000").message()));
    assertEquals("ALTER SCHEMA", exec(admin, "ALTER SCHEMA public OWNER TO alice").commandTag());
    exec(alice, "GRANT USAGE ON SCHEMA public TO monitor");
    t = f.store.begin();
    try {
      assertEquals("alice", Acls.schemaOwner(t));
      assertEquals("{=UC/alice,bob=UC/alice,monitor=U/alice}", Acls.nspacl(t));
    } finally {
      t.rollback();
    }
  }
}
