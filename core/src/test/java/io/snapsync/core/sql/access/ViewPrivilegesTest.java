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
 * Views and privileges with PostgreSQL's rules: reading a view needs SELECT on the view; the
 * relations its query reads are checked against the view owner's privileges, not the reader's;
 * only the owner drops or replaces a view.
 */
class ViewPrivilegesTest {

  @TempDir
  Path dir;
  EngineFixture f;
  Session alice;
  Session bob;

  @BeforeEach
  void start() {
    f = EngineFixture.start(dir);
    Session admin = f.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
    exec(admin, "CREATE USER bob PASSWORD 'bob-pw'");
    alice = f.session();
    bob = f.session("bob", "bob-pw");
    exec(alice, "CREATE TABLE secret (id int PRIMARY KEY, v text)");
    exec(alice, "INSERT INTO secret VALUES (1, 'alice only'), (2, 'public')");
    exec(alice, "CREATE VIEW visible AS SELECT id, v FROM secret WHERE id = 2");
    exec(alice, "CREATE VIEW nested AS SELECT v FROM visible");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String denied(Session s, String sql) {
    return f.render(fails(s, sql, "42501").message());
  }

  @Test
  void aGrantOnTheViewIsEnoughToReadIt() {
    assertEquals("permission denied for table visible", denied(bob, "SELECT * FROM visible"));
    exec(alice, "GRANT SELECT ON visible TO bob");
    assertEquals("public", value(bob, "SELECT v FROM visible"));
    assertEquals("permission denied for table secret", denied(bob, "SELECT v FROM secret"));
    assertEquals("permission denied for table nested", denied(bob, "SELECT v FROM nested"));
    exec(alice, "GRANT SELECT ON nested TO bob");
    assertEquals("public", value(bob, "SELECT v FROM nested"));
    exec(alice, "REVOKE SELECT ON visible FROM bob");
    // nested's owner (alice) still reads visible: bob only needs nested
    assertEquals("public", value(bob, "SELECT v FROM nested"));
    assertEquals("permission denied for table visible", denied(bob, "SELECT * FROM visible"));
  }

  @Test
  void theViewOwnersPrivilegesCountForItsQuery() {
    // bob may define a view over alice's table, but it reads with bob's rights
    exec(bob, "CREATE VIEW peek AS SELECT v FROM secret");
    assertEquals("permission denied for table secret", denied(bob, "SELECT * FROM peek"));
    exec(bob, "GRANT SELECT ON peek TO alice");
    assertEquals("permission denied for table secret", denied(alice, "SELECT * FROM peek"));
    exec(alice, "GRANT SELECT ON secret TO bob");
    assertEquals(2L, value(bob, "SELECT count(*) FROM peek"));
    assertEquals("must be owner of table peek", f.render(fails(alice,
        "CREATE OR REPLACE VIEW peek AS SELECT v FROM secret", "42501").message()));
    assertEquals("must be owner of table visible", f.render(fails(bob, "DROP VIEW visible",
        "42501").message()));
  }

  @Test
  void alterViewOwnerHandsTheViewOver() {
    Session admin = f.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
    exec(admin, "ALTER VIEW visible OWNER TO bob");
    // bob owns the view now, but not the table it reads
    assertEquals("permission denied for table secret", denied(bob, "SELECT * FROM visible"));
    exec(alice, "GRANT SELECT ON secret TO bob");
    assertEquals("public", value(bob, "SELECT v FROM visible"));
    exec(bob, "DROP VIEW visible CASCADE");
  }
}
