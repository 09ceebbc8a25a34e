package io.snapsync.core.sql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role and privilege statements as {@link AccessParser} reads them. */
class AccessParserTest {

  private static Stmt parse(String sql) {
    return SqlParser.parse(sql);
  }

  @Test
  void roleStatements() {
    assertEquals(new AccessStmt.CreateRole("bob", true, new AccessStmt.RoleOptions(null, true,
        true, "pw", List.of("staff"))),
        parse("CREATE USER bob WITH SUPERUSER ENCRYPTED PASSWORD 'pw' IN ROLE staff"));
    assertEquals(new AccessStmt.CreateRole("Team", false, new AccessStmt.RoleOptions(false,
        null, true, null, List.of())), parse("create role \"Team\" nologin password null"));
    assertEquals(new AccessStmt.AlterRole(AccessStmt.CURRENT_USER, new AccessStmt.RoleOptions(
        null, null, true, "x", List.of()), null), parse("ALTER USER current_user PASSWORD 'x'"));
    assertEquals(new AccessStmt.AlterRole("a", null, "b"), parse("ALTER ROLE a RENAME TO b"));
    assertEquals(new AccessStmt.DropRole(List.of("a", "b"), true),
        parse("DROP ROLE IF EXISTS a, b"));
    assertEquals(new AccessStmt.GrantRole(true, List.of("sysadmin"), List.of("bob")),
        parse("GRANT SYSADMIN TO bob"));
    assertEquals(new AccessStmt.GrantRole(false, List.of("r"), List.of("a", "b")),
        parse("REVOKE r FROM a, b"));
  }

  @Test
  void privilegeStatements() {
    assertEquals(new AccessStmt.GrantPrivileges(true, Set.of(Privilege.SELECT, Privilege.INSERT),
        ObjectKind.TABLE, List.of("t", "u"), false, List.of("bob", AccessStmt.PUBLIC), true),
        parse("GRANT SELECT, INSERT ON TABLE public.t, u TO bob, PUBLIC WITH GRANT OPTION"));
    assertEquals(new AccessStmt.GrantPrivileges(false, null, ObjectKind.TABLE, List.of("public"),
        true, List.of("bob"), true),
        parse("REVOKE GRANT OPTION FOR ALL PRIVILEGES ON ALL TABLES IN SCHEMA public FROM bob"));
    assertEquals(new AccessStmt.GrantPrivileges(true, Set.of(Privilege.EXECUTE),
        ObjectKind.FUNCTION, List.of("f(23,25)"), false, List.of("bob"), false),
        parse("GRANT EXECUTE ON FUNCTION f(int, text) TO bob"));
    assertEquals(new AccessStmt.AlterOwner(ObjectKind.TABLE, "t", "bob"),
        parse("ALTER TABLE IF EXISTS public.t OWNER TO bob"));
    assertEquals(new AccessStmt.AlterOwner(ObjectKind.SCHEMA, "public", AccessStmt.CURRENT_USER),
        parse("ALTER SCHEMA public OWNER TO session_user"));
  }

  @Test
  void errorsArePostgresSyntaxErrors() {
    SnapsyncException e = assertThrows(SnapsyncException.class,
        () -> parse("GRANT SELEC ON t TO bob"));
    assertEquals("42601", e.sqlState());
    assertEquals("0A000", assertThrows(SnapsyncException.class,
        () -> parse("GRANT SELECT (a) ON t TO bob")).sqlState());
    assertEquals("0LP01", assertThrows(SnapsyncException.class,
        () -> parse("GRANT EXECUTE ON t TO bob")).sqlState());
    assertEquals("42601", assertThrows(SnapsyncException.class,
        () -> parse("CREATE ROLE")).sqlState());
  }

  @Test
  void longGrantListsParseInLinearTime() {
    StringBuilder sb = new StringBuilder("GRANT SELECT ON t0");
    for (int i = 1; i < 50_000; i++) {
      sb.append(", t").append(i);
    }
    sb.append(" TO bob");
    long start = System.nanoTime();
    AccessStmt.GrantPrivileges g = (AccessStmt.GrantPrivileges) parse(sb.toString());
    assertEquals(50_000, g.objects().size());
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
  }
}
