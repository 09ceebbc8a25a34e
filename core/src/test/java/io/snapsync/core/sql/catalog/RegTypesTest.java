package io.snapsync.core.sql.catalog;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** regclass, regtype, regnamespace and regproc: casts from names and back to text. */
class RegTypesTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, name text)");
    exec(s, "CREATE TABLE \"Mixed\" (k int PRIMARY KEY)");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static List<List<Object>> rows(String sql) {
    return exec(s, sql).rows();
  }

  @Test
  void regclassFromNameIsThePgClassOid() {
    assertEquals(rows("SELECT oid FROM pg_catalog.pg_class WHERE relname = 't'"),
        rows("SELECT 't'::regclass"));
    assertEquals(rows("SELECT oid FROM pg_catalog.pg_class WHERE relname = 'pg_class'"),
        rows("SELECT 'pg_catalog.pg_class'::pg_catalog.regclass"));
    assertEquals(List.of(Arrays.asList(1L)),
        rows("SELECT count(*) FROM pg_class c WHERE c.oid = 'public.t'::regclass"));
  }

  @Test
  void regclassToTextIsTheQuotedName() {
    assertEquals(List.of(Arrays.asList("t"), Arrays.asList("t_pkey"),
        Arrays.asList("\"Mixed\"")),
        rows("SELECT c.oid::pg_catalog.regclass::pg_catalog.text FROM pg_class c"
            + " WHERE c.relname IN ('t', 't_pkey', 'Mixed') ORDER BY c.relname <> 't',"
            + " c.relname <> 't_pkey'"));
    assertEquals(List.of(Arrays.asList("pg_class")),
        rows("SELECT 'pg_class'::regclass::text"));
    assertEquals(List.of(Arrays.asList("999999")), rows("SELECT 999999::regclass::text"));
  }

  @Test
  void unknownRelationIs42P01() {
    assertEquals("relation \"nosuch\" does not exist",
        EngineFixture.text(EngineFixture.fails(s, "SELECT 'nosuch'::regclass", "42P01")));
    assertEquals(List.of(Arrays.asList((Object) null)),
        rows("SELECT to_regclass('nosuch')"));
  }

  @Test
  void regtypeAndRegnamespaceRoundTrip() {
    assertEquals(List.of(Arrays.asList(23L, "integer", "character varying")),
        rows("SELECT 'int4'::regtype, 23::regtype::text, 'varchar'::regtype::text"));
    assertEquals(List.of(Arrays.asList(2200L, "pg_catalog")),
        rows("SELECT 'public'::regnamespace, 11::regnamespace::text"));
    assertEquals("type \"nosuch\" does not exist",
        EngineFixture.text(EngineFixture.fails(s, "SELECT 'nosuch'::regtype", "42704")));
    assertEquals(List.of(Arrays.asList("-")), rows("SELECT 0::regproc::text"));
  }
}
