package io.snapsync.core.sql.catalog;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.testing.TestServices;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pg_catalog over the real schema, queried with psql's own describe queries. */
class PgCatalogTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, n bigint NOT NULL, name text)");
    exec(s, "CREATE TABLE u (k bigint PRIMARY KEY)");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static List<List<Object>> rows(Session session, String sql) {
    return exec(session, sql).rows();
  }

  @Test
  void psqlListTablesQueryListsUserTables() {
    // psql 15's \dt query (describe.c listTables), as sent.
    List<List<Object>> r = rows(s, "SELECT n.nspname as \"Schema\",\n"
        + "  c.relname as \"Name\",\n"
        + "  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN"
        + " 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN"
        + " 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table'"
        + " WHEN 'I' THEN 'partitioned index' END as \"Type\",\n"
        + "  pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"\n"
        + "FROM pg_catalog.pg_class c\n"
        + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
        + "     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam\n"
        + "WHERE c.relkind IN ('r','p','')\n"
        + "      AND n.nspname <> 'pg_catalog'\n"
        + "      AND n.nspname <> 'information_schema'\n"
        + "  AND pg_catalog.pg_table_is_visible(c.oid)\n"
        + "ORDER BY 1,2;");
    assertEquals(List.of(Arrays.asList("public", "t", "table", "admin"),
        Arrays.asList("public", "u", "table", "admin")), r);
  }

  @Test
  void attributesFormatTypesWithModifiers() {
    List<List<Object>> r = rows(s, "SELECT a.attname, pg_catalog.format_type(a.atttypid,"
        + " a.atttypmod), a.attnotnull FROM pg_catalog.pg_attribute a, pg_catalog.pg_class c"
        + " WHERE a.attrelid = c.oid AND c.relname = 't' AND a.attnum > 0"
        + " AND NOT a.attisdropped ORDER BY a.attnum");
    assertEquals(List.of(Arrays.asList("id", "integer", true),
        Arrays.asList("n", "bigint", true),
        Arrays.asList("name", "text", false)), r);
  }

  @Test
  void primaryKeyIsAnIndexAndAConstraint() {
    List<List<Object>> r = rows(s, "SELECT c2.relname, i.indisprimary,"
        + " pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),"
        + " pg_catalog.pg_get_constraintdef(con.oid, true), contype"
        + " FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i"
        + " LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid"
        + " AND conindid = i.indexrelid AND contype IN ('p','u','x'))"
        + " WHERE c.relname = 'u' AND c.oid = i.indrelid AND i.indexrelid = c2.oid"
        + " ORDER BY i.indisprimary DESC, c2.relname");
    assertEquals(List.of(Arrays.asList("u_pkey", true,
        "CREATE UNIQUE INDEX u_pkey ON public.u USING btree (k)", "PRIMARY KEY (k)", "p")), r);
  }

  @Test
  void ownUncommittedTableIsVisibleToOwnTransactionOnly() {
    Session other = fx.session();
    exec(s, "BEGIN");
    try {
      exec(s, "CREATE TABLE fresh (id int PRIMARY KEY)");
      assertEquals(1, rows(s, "SELECT relname FROM pg_class WHERE relname = 'fresh'").size());
      assertEquals(0, rows(other, "SELECT relname FROM pg_class WHERE relname = 'fresh'")
          .size());
    } finally {
      exec(s, "ROLLBACK");
    }
  }

  @Test
  void schemasTypesAndDatabasesHavePostgresOids() {
    assertEquals(List.of(Arrays.asList(11L, "pg_catalog"), Arrays.asList(2200L, "public")),
        rows(s, "SELECT oid, nspname FROM pg_catalog.pg_namespace WHERE nspname <>"
            + " 'information_schema' ORDER BY oid"));
    assertEquals(List.of(Arrays.asList("int4", "N", (short) 4, 1007L)),
        rows(s, "SELECT typname, typcategory, typlen, typarray FROM pg_type WHERE oid = 23"));
    assertEquals(List.of(Arrays.asList("snapsync", "UTF8"), Arrays.asList("template1", "UTF8")),
        rows(s, "SELECT d.datname, pg_catalog.pg_encoding_to_char(d.encoding)"
            + " FROM pg_catalog.pg_database d ORDER BY 1"));
  }

  @Test
  void passwordVerifiersOnlyForSysadmin() {
    String q = "SELECT rolpassword FROM pg_authid WHERE rolname = 'alice'";
    assertNull(rows(s, q).get(0).get(0));
    assertNull(rows(s, "SELECT passwd FROM pg_shadow WHERE usename = 'alice'").get(0).get(0));
    Session admin = fx.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
    Object verifier = rows(admin, q).get(0).get(0);
    assertNotNull(verifier);
    assertTrue(((String) verifier).startsWith("SCRAM-SHA-256$"));
    assertEquals(List.of(Arrays.asList("admin", true), Arrays.asList("alice", false)),
        rows(s, "SELECT rolname, rolsuper FROM pg_catalog.pg_roles"
            + " WHERE rolname IN ('admin', 'alice') ORDER BY 1"));
  }

  @Test
  void negatedRegexAndQualifiedOperatorAsPsqlWritesThem() {
    assertEquals(List.of(Arrays.asList(false, true)),
        rows(s, "SELECT 'pg_toast' !~ '^pg_', 'public' !~ '^pg_'"));
    assertEquals(List.of(Arrays.asList("t")), rows(s, "SELECT c.relname FROM pg_catalog.pg_class c"
        + " WHERE c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default"
        + " AND pg_catalog.pg_table_is_visible(c.oid)"));
  }
}
