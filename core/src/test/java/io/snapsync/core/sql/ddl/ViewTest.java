package io.snapsync.core.sql.ddl;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views on a real database: CREATE [OR REPLACE] VIEW, reads through views (nested, joined,
 * aliased), PostgreSQL's rules and texts for replacement, DROP VIEW, dependencies of DROP TABLE
 * (2BP01, CASCADE), ALTER VIEW RENAME, transactional DDL and imported snapshots.
 */
class ViewTest {

  @TempDir
  Path dir;
  EngineFixture f;
  Session s;

  @BeforeEach
  void start() {
    f = EngineFixture.start(dir);
    s = f.session();
    exec(s, "CREATE TABLE t (a int, b text)");
    exec(s, "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String error(String sql, String state) {
    SnapsyncException e = fails(s, sql, state);
    String text = f.render(e.message());
    if (e.detail() != null) {
      text += "\nDETAIL:  " + f.render(e.detail());
    }
    if (e.hint() != null) {
      text += "\nHINT:  " + f.render(e.hint());
    }
    return text;
  }

  private String notices(StatementResult r) {
    return r.notices().stream().map(n -> f.render(n.message())
        + (n.detail() == null ? "" : "\nDETAIL:  " + f.render(n.detail())))
        .collect(Collectors.joining("\n"));
  }

  private List<List<Object>> rows(String sql) {
    return exec(s, sql).rows();
  }

  @Test
  void aViewReadsItsQuery() {
    assertEquals("CREATE VIEW", exec(s, "CREATE VIEW v AS SELECT a, b FROM t WHERE a > 1")
        .commandTag());
    assertEquals(List.of(List.of(2, "two"), List.of(3, "three")),
        rows("SELECT * FROM v ORDER BY a"));
    assertEquals(List.of("a", "b"), exec(s, "SELECT * FROM v").columns().stream()
        .map(c -> c.name()).toList());
    // qualified, aliased, renamed columns, joined, in a sub-query, nested views
    assertEquals(2L, value(s, "SELECT count(*) FROM public.v"));
    assertEquals(List.of(List.of(3)), rows("SELECT x.a FROM v AS x WHERE x.b = 'three'"));
    assertEquals(List.of(List.of(2, "two")), rows("SELECT p, q FROM v x(p, q) WHERE p = 2"));
    assertEquals(List.of(List.of(2, 2)),
        rows("SELECT t.a, v.a FROM t JOIN v ON t.a = v.a WHERE v.a = 2"));
    assertEquals(List.of(List.of(2)), rows("SELECT a FROM t WHERE a IN (SELECT a FROM v) AND a < 3"));
    exec(s, "CREATE VIEW w (n, label) AS SELECT a * 10, upper(b) FROM v");
    assertEquals(List.of(List.of(20, "TWO"), List.of(30, "THREE")),
        rows("SELECT n, label FROM w ORDER BY n"));
    // a WITH query of the same name hides the view
    assertEquals(List.of(List.of(7)), rows("WITH v AS (SELECT 7 AS a) SELECT a FROM v"));
    // the view reads the rows current at each statement
    exec(s, "INSERT INTO t VALUES (4, 'four')");
    assertEquals(3L, value(s, "SELECT count(*) FROM v"));
    assertEquals(3L, value(s, "SELECT count(*) FROM v"));
  }

  @Test
  void createOrReplaceFollowsPostgresRules() {
    exec(s, "CREATE VIEW v AS SELECT a, b FROM t WHERE a > 1");
    assertEquals("relation \"v\" already exists", error("CREATE VIEW v AS SELECT 1", "42P07"));
    assertEquals("relation \"t\" already exists", error("CREATE VIEW t AS SELECT 1", "42P07"));
    assertEquals("relation \"v\" already exists", error("CREATE TABLE v (x int)", "42P07"));
    assertEquals("CREATE VIEW specifies more column names than columns",
        error("CREATE VIEW w (x, y, z) AS SELECT a, b FROM t", "42601"));
    assertEquals("cannot drop columns from view",
        error("CREATE OR REPLACE VIEW v AS SELECT a FROM t", "42P16"));
    assertEquals("cannot change name of view column \"a\" to \"b\"\nHINT:  Use ALTER VIEW ..."
        + " RENAME COLUMN ... to change name of view column instead.",
        error("CREATE OR REPLACE VIEW v AS SELECT b, a FROM t", "42P16"));
    assertEquals("cannot change data type of view column \"a\" from integer to bigint",
        error("CREATE OR REPLACE VIEW v AS SELECT a::int8 AS a, b FROM t", "42P16"));
    fails(s, "CREATE VIEW bad AS SELECT nosuch FROM t", "42703");
    fails(s, "CREATE VIEW bad AS SELECT * FROM nosuch", "42P01");
    // a cached plan of the old definition is not reused
    assertEquals(2L, value(s, "SELECT count(*) FROM v"));
    exec(s, "CREATE OR REPLACE VIEW v AS SELECT a, b, 1 AS c FROM t");
    assertEquals(3L, value(s, "SELECT count(*) FROM v"));
    assertEquals(List.of(List.of(1, "one", 1)), rows("SELECT * FROM v WHERE a = 1"));
  }

  @Test
  void dropViewAndDependencies() {
    exec(s, "CREATE VIEW v AS SELECT a, b FROM t");
    exec(s, "CREATE VIEW v2 AS SELECT a FROM v");
    assertEquals("\"v\" is not a table\nHINT:  Use DROP VIEW to remove a view.",
        error("DROP TABLE v", "42809"));
    assertEquals("\"t\" is not a view\nHINT:  Use DROP TABLE to remove a table.",
        error("DROP VIEW t", "42809"));
    assertEquals("view \"nosuch\" does not exist", error("DROP VIEW nosuch", "42P01"));
    assertEquals("view \"nosuch\" does not exist, skipping\nview \"x\" does not exist, skipping",
        notices(exec(s, "DROP VIEW IF EXISTS nosuch, x")));
    assertEquals("cannot drop table t because other objects depend on it\n"
        + "DETAIL:  view v depends on table t\nview v2 depends on view v\n"
        + "HINT:  Use DROP ... CASCADE to drop the dependent objects too.",
        error("DROP TABLE t", "2BP01"));
    assertEquals("cannot drop view v because other objects depend on it\n"
        + "DETAIL:  view v2 depends on view v\n"
        + "HINT:  Use DROP ... CASCADE to drop the dependent objects too.",
        error("DROP VIEW v RESTRICT", "2BP01"));
    assertEquals("drop cascades to view v2", notices(exec(s, "DROP VIEW v CASCADE")));
    fails(s, "SELECT * FROM v2", "42P01");
    exec(s, "CREATE VIEW v AS SELECT a, b FROM t");
    exec(s, "CREATE VIEW v2 AS SELECT a FROM v");
    assertEquals("DROP VIEW", exec(s, "DROP VIEW v2, v").commandTag());
    exec(s, "CREATE VIEW v AS SELECT a, b FROM t");
    exec(s, "CREATE VIEW v2 AS SELECT a FROM v");
    assertEquals("drop cascades to 2 other objects\nDETAIL:  drop cascades to view v\n"
        + "drop cascades to view v2", notices(exec(s, "DROP TABLE t CASCADE")));
    fails(s, "SELECT * FROM v", "42P01");
  }

  @Test
  void viewsAreTransactionalAndSeenThroughSnapshots() {
    exec(s, "BEGIN");
    exec(s, "CREATE VIEW v AS SELECT a FROM t");
    assertEquals(3L, value(s, "SELECT count(*) FROM v"));
    Session other = f.session();
    fails(other, "SELECT * FROM v", "42P01");
    exec(s, "ROLLBACK");
    fails(s, "SELECT * FROM v", "42P01");

    exec(s, "CREATE VIEW v AS SELECT a FROM t WHERE a < 3");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    String id = (String) value(s, "SELECT pg_export_snapshot()");
    exec(other, "INSERT INTO t VALUES (0, 'zero')");
    exec(other, "CREATE OR REPLACE VIEW v AS SELECT a FROM t WHERE a < 2");
    exec(other, "CREATE VIEW later AS SELECT 1 AS one");
    assertEquals(2L, value(other, "SELECT count(*) FROM v"));
    Session importer = f.session();
    exec(importer, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(importer, "SET TRANSACTION SNAPSHOT '" + id + "'");
    // the old definition over the old rows
    assertEquals(List.of(List.of(1), List.of(2)), 
        exec(importer, "SELECT a FROM v ORDER BY a").rows());
    fails(importer, "SELECT * FROM later", "42P01");
    exec(importer, "COMMIT");
    assertEquals(List.of(List.of(0), List.of(1)), exec(importer, "SELECT a FROM v ORDER BY a")
        .rows());
    exec(s, "COMMIT");
  }

  @Test
  void alterViewRename() {
    exec(s, "CREATE VIEW v AS SELECT a FROM t");
    assertEquals("ALTER VIEW", exec(s, "ALTER VIEW v RENAME TO v3").commandTag());
    assertEquals(3L, value(s, "SELECT count(*) FROM v3"));
    fails(s, "SELECT * FROM v", "42P01");
    assertEquals("relation \"nosuch\" does not exist",
        error("ALTER VIEW nosuch RENAME TO x", "42P01"));
    assertEquals("relation \"t\" already exists", error("ALTER VIEW v3 RENAME TO t", "42P07"));
    exec(s, "ALTER VIEW IF EXISTS nosuch RENAME TO x");
  }

  @Test
  void catalogsListViews() {
    exec(s, "CREATE VIEW v AS SELECT a, b FROM t WHERE a > 1");
    assertEquals(List.of(List.of("v", "v", (short) 2)), rows("SELECT relname, relkind, relnatts"
        + " FROM pg_class WHERE relname = 'v'"));
    assertEquals(List.of(List.of("a"), List.of("b")), rows("SELECT attname FROM pg_attribute"
        + " WHERE attrelid = 'v'::regclass ORDER BY attnum"));
    assertEquals(List.of(List.of("public", "v", " SELECT a, b FROM t WHERE a > 1;")),
        rows("SELECT schemaname, viewname, definition FROM pg_views"));
    assertEquals(" SELECT a, b FROM t WHERE a > 1;", value(s, "SELECT pg_get_viewdef('v')"));
    assertEquals(" SELECT a, b FROM t WHERE a > 1;",
        value(s, "SELECT pg_get_viewdef('v'::regclass, true)"));
    assertEquals(List.of(List.of("v", "NONE")), rows("SELECT table_name, check_option"
        + " FROM information_schema.views"));
    // the OID stays with CREATE OR REPLACE
    Object oid = value(s, "SELECT oid FROM pg_class WHERE relname = 'v'");
    exec(s, "CREATE OR REPLACE VIEW v AS SELECT a, b FROM t");
    assertEquals(oid, value(s, "SELECT oid FROM pg_class WHERE relname = 'v'"));
  }

  @Test
  void writesToAViewAreRefused() {
    exec(s, "CREATE VIEW v AS SELECT a, b FROM t");
    assertEquals("cannot insert into view \"v\"\nDETAIL:  Views are not automatically updatable"
        + " in snapsync yet.", error("INSERT INTO v VALUES (9, 'nine')", "0A000"));
    fails(s, "INSERT INTO v SELECT 9, 'nine'", "0A000");
    assertEquals("cannot update view \"v\"\nDETAIL:  Views are not automatically updatable"
        + " in snapsync yet.", error("UPDATE v SET b = 'x'", "0A000"));
    fails(s, "DELETE FROM public.v WHERE a = 1", "0A000");
    assertEquals(3L, value(s, "SELECT count(*) FROM t"));
  }
}
