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
 * Schemas on a real database: CREATE / DROP / ALTER SCHEMA with PostgreSQL's texts,
 * schema-qualified tables, views and sequences, search_path as a session setting honoured by
 * reads, DML and DDL, current_schema(s), and pg_namespace / pg_class rows.
 */
class SchemaTest {

  @TempDir
  Path dir;
  EngineFixture f;
  Session s;

  @BeforeEach
  void start() {
    f = EngineFixture.start(dir);
    s = f.session();
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
  void createSchemaAndQualifiedTables() {
    assertEquals("CREATE SCHEMA", exec(s, "CREATE SCHEMA s").commandTag());
    exec(s, "CREATE TABLE s.t (a int PRIMARY KEY, b text)");
    exec(s, "CREATE TABLE t (a int, b text)");
    exec(s, "INSERT INTO s.t VALUES (1, 'in s'), (2, 'two')");
    exec(s, "INSERT INTO t VALUES (9, 'in public')");
    assertEquals(List.of(List.of(1, "in s")), rows("SELECT a, b FROM s.t WHERE a = 1"));
    assertEquals(List.of(List.of(9, "in public")), rows("SELECT a, b FROM t"));
    assertEquals(List.of(List.of(9, "in public")), rows("SELECT a, b FROM public.t"));
    exec(s, "UPDATE s.t SET b = 'changed' WHERE a = 2");
    exec(s, "DELETE FROM s.t WHERE a = 1");
    assertEquals(List.of(List.of(2, "changed")), rows("SELECT * FROM s.t"));
    assertEquals(1L, value(s, "SELECT count(*) FROM s.t AS x JOIN public.t AS y ON true"));
    assertEquals("schema \"s\" already exists", error("CREATE SCHEMA s", "42P06"));
    assertEquals("schema \"s\" already exists, skipping",
        notices(exec(s, "CREATE SCHEMA IF NOT EXISTS s")));
    assertEquals("schema \"nope\" does not exist", error("CREATE TABLE nope.x (a int)",
        "3F000"));
    assertEquals("unacceptable schema name \"pg_x\"\n"
        + "DETAIL:  The prefix \"pg_\" is reserved for system schemas.",
        error("CREATE SCHEMA pg_x", "42939"));
  }

  @Test
  void searchPathResolvesReadsWritesAndCreation() {
    assertEquals("\"$user\", public", value(s, "SHOW search_path"));
    assertEquals("public", value(s, "SELECT current_schema"));
    exec(s, "CREATE SCHEMA s");
    exec(s, "CREATE TABLE t (a int)");
    exec(s, "INSERT INTO t VALUES (1)");
    exec(s, "SET search_path = s, public");
    assertEquals("s, public", value(s, "SHOW search_path"));
    assertEquals("s", value(s, "SELECT current_schema"));
    // unqualified t is still public.t until s has one
    assertEquals(1L, value(s, "SELECT count(*) FROM t"));
    exec(s, "CREATE TABLE t (a int, b int)");
    exec(s, "INSERT INTO t VALUES (5, 6), (7, 8)");
    assertEquals(2L, value(s, "SELECT count(*) FROM s.t"));
    assertEquals(List.of(List.of(5, 6), List.of(7, 8)), rows("SELECT * FROM t ORDER BY a"));
    assertEquals(2L, value(s, "SELECT count(*) FROM t"));
    assertEquals(2L, value(s, "SELECT count(*) FROM s.t"));
    assertEquals(1L, value(s, "SELECT count(*) FROM public.t"));
    exec(s, "RESET search_path");
    assertEquals(1L, value(s, "SELECT count(*) FROM t"));
    exec(s, "SELECT pg_catalog.set_config('search_path', '', false)");
    assertEquals("", value(s, "SHOW search_path"));
    assertEquals("no schema has been selected to create in",
        error("CREATE TABLE u (a int)", "3F000"));
    assertEquals(1L, value(s, "SELECT count(*) FROM public.t"));
    exec(s, "SET search_path TO s");
    exec(s, "CREATE VIEW v AS SELECT a FROM t");
    exec(s, "CREATE SEQUENCE q");
    assertEquals(2L, value(s, "SELECT count(*) FROM s.v"));
    assertEquals(List.of(List.of("q", "s"), List.of("t", "s"), List.of("v", "s")),
        rows("SELECT c.relname::text, n.nspname::text FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 's' ORDER BY 1"));
  }

  @Test
  void dropSchemaRefusesWhatItHoldsUnlessCascade() {
    exec(s, "CREATE SCHEMA s");
    exec(s, "CREATE TABLE s.t (a int)");
    exec(s, "CREATE VIEW s.v AS SELECT a FROM s.t");
    assertEquals("cannot drop schema s because other objects depend on it\n"
        + "DETAIL:  table s.t depends on schema s\nview s.v depends on schema s\n"
        + "HINT:  Use DROP ... CASCADE to drop the dependent objects too.",
        error("DROP SCHEMA s", "2BP01"));
    assertEquals("drop cascades to 2 other objects\n"
        + "DETAIL:  drop cascades to table s.t\ndrop cascades to view s.v",
        notices(exec(s, "DROP SCHEMA s CASCADE")));
    assertEquals("schema \"s\" does not exist", error("DROP SCHEMA s", "3F000"));
    assertEquals("schema \"s\" does not exist, skipping",
        notices(exec(s, "DROP SCHEMA IF EXISTS s")));
    exec(s, "CREATE SCHEMA s");
    assertEquals(0L, value(s, "SELECT count(*) FROM pg_catalog.pg_class c"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 's'"));
    exec(s, "ALTER SCHEMA s RENAME TO s2");
    assertEquals(List.of(List.of("s2")), rows("SELECT nspname::text FROM pg_catalog.pg_namespace"
        + " WHERE nspname LIKE 's%'"));
    assertEquals("DROP SCHEMA", exec(s, "DROP SCHEMA s2").commandTag());
  }

  @Test
  void schemaDdlIsTransactional() {
    exec(s, "BEGIN");
    exec(s, "CREATE SCHEMA s");
    exec(s, "CREATE TABLE s.t (a int)");
    exec(s, "ROLLBACK");
    fails(s, "SELECT * FROM s.t", "42P01");
    assertEquals("schema \"s\" does not exist", error("CREATE TABLE s.t (a int)", "3F000"));
  }
}
