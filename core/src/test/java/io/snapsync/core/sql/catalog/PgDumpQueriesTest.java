package io.snapsync.core.sql.catalog;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
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

/**
 * The constructs of pg_dump 15's catalog queries, each with PostgreSQL 15's answer: the
 * {@code search_path} it clears, {@code "char"} literals, {@code 'x' = ANY (text[])},
 * {@code name} subscripts, the system catalogs' fixed OIDs (pg_dump matches
 * {@code tableoid} against them), {@code LOCK TABLE} and a sequence read as a relation.
 */
class PgDumpQueriesTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, v text)");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Object value(String sql) {
    return EngineFixture.value(s, sql);
  }

  @Test
  void searchPathCanBeClearedAsPgDumpDoes() {
    Session own = fx.session();
    assertEquals("\"$user\", public", EngineFixture.value(own, "SHOW search_path"));
    assertEquals("", EngineFixture.value(own,
        "SELECT pg_catalog.set_config('search_path', '', false)"));
    assertEquals("", EngineFixture.value(own, "SHOW search_path"));
    // as in PostgreSQL: an empty path finds pg_catalog's names only; pg_dump qualifies the rest
    assertEquals("SELECT 1", exec(own, "SELECT count(*) FROM public.t").commandTag());
    assertEquals("SELECT 1", exec(own, "SELECT count(*) FROM pg_class").commandTag());
    fails(own, "SELECT count(*) FROM t", "42P01");
  }

  @Test
  void charLiteralsCompareWithCatalogKinds() {
    assertEquals(true, value("SELECT 'r'::\"char\" = 'r'"));
    assertEquals("r", value("SELECT CASE WHEN c.relkind = 'S' THEN 's'::\"char\""
        + " ELSE 'r'::\"char\" END FROM pg_class c WHERE c.relname = 't'"));
  }

  @Test
  void stringEqualsAnyOfTextArrayTakesTheElementType() {
    assertEquals(true, value("SELECT 'a' = ANY (ARRAY['b'::text, 'a'])"));
    assertEquals(false, value("SELECT 'a' = ANY (ARRAY['ab'::text])"));
    assertEquals(true, value("SELECT 'a' <> ALL (ARRAY['ab'::text])"));
    assertEquals(null, value("SELECT 'check_option=local' = ANY (c.reloptions) FROM pg_class c"
        + " WHERE c.relname = 't'"));
  }

  @Test
  void nameSubscriptReadsCharactersFromZero() {
    assertEquals("_", value("SELECT typname[0] FROM pg_type WHERE typname = '_int4'"));
    assertEquals("i", value("SELECT typname[1] FROM pg_type WHERE typname = '_int4'"));
    assertEquals(null, value("SELECT typname[9] FROM pg_type WHERE typname = '_int4'"));
  }

  @Test
  void systemCatalogsHavePostgresFixedOids() {
    assertEquals(List.of(Arrays.asList(2615L)),
        exec(s, "SELECT DISTINCT tableoid FROM pg_namespace").rows());
    assertEquals(1259L, value("SELECT 'pg_class'::regclass::oid"));
    assertEquals(1247L, value("SELECT oid FROM pg_class WHERE relname = 'pg_type'"));
    assertEquals("pg_constraint", value("SELECT 2606::regclass::text"));
  }

  @Test
  void lockTableNeedsATransactionBlock() {
    assertEquals("LOCK TABLE can only be used in transaction blocks",
        EngineFixture.text(fails(s, "LOCK TABLE t IN ACCESS SHARE MODE", "25P01")));
    fails(s, "BEGIN; LOCK TABLE nosuch", "42P01");
    exec(s, "ROLLBACK");
    fails(s, "LOCK TABLE t IN SOME MODE", "42601");
  }

  @Test
  void accessShareLockKeepsTruncateOutUntilCommit() {
    Session dumper = fx.session();
    Session other = fx.session();
    assertEquals("LOCK TABLE", exec(dumper, "BEGIN ISOLATION LEVEL REPEATABLE READ;"
        + " LOCK TABLE public.t IN ACCESS SHARE MODE").commandTag());
    exec(other, "SET lock_timeout = '100ms'");
    assertEquals("canceling statement due to lock timeout",
        EngineFixture.text(fails(other, "TRUNCATE t", "55P03")));
    assertEquals("could not obtain lock on relation \"t\"",
        EngineFixture.text(fails(other, "BEGIN; LOCK t NOWAIT", "55P03")));
    exec(other, "ROLLBACK");
    assertEquals("INSERT 0 1", exec(other, "INSERT INTO t VALUES (1, 'x')").commandTag());
    exec(dumper, "COMMIT");
    assertEquals("TRUNCATE TABLE", exec(other, "TRUNCATE t").commandTag());
  }

  @Test
  void sequenceReadsAsOneRowRelation() {
    exec(s, "CREATE SEQUENCE counter START 100 INCREMENT 5");
    assertEquals(List.of(Arrays.asList(100L, 0L, false)),
        exec(s, "SELECT last_value, log_cnt, is_called FROM public.counter").rows());
    assertEquals(null, value("SELECT last_value FROM pg_sequences"
        + " WHERE sequencename = 'counter'"));
    exec(s, "SELECT nextval('counter'); SELECT nextval('counter')");
    assertEquals(List.of(Arrays.asList(105L, true)),
        exec(s, "SELECT last_value, is_called FROM counter").rows());
    assertEquals(105L, value("SELECT last_value FROM pg_sequences"
        + " WHERE sequencename = 'counter'"));
    exec(s, "SELECT setval('counter', 7, false)");
    assertEquals(List.of(Arrays.asList(7L, false)),
        exec(s, "SELECT last_value, is_called FROM counter").rows());
  }

  @Test
  void pgcopydbStartupSettingsAndSizesAnswer() {
    Session own = fx.session();
    exec(own, "SET tcp_keepalives_idle TO '60s'");
    assertEquals("1min", EngineFixture.value(own, "SHOW tcp_keepalives_idle"));
    assertEquals("10239 bytes|10 kB|118 MB|-10 kB", value("SELECT pg_size_pretty(10239::bigint)"
        + " || '|' || pg_size_pretty(10240::bigint) || '|' || pg_size_pretty(123456789::bigint)"
        + " || '|' || pg_size_pretty(-10240::bigint)"));
    assertEquals("SELECT 0", exec(s, "SELECT provider, label FROM pg_catalog.pg_shseclabel"
        + " WHERE classoid = 'pg_catalog.pg_database'::pg_catalog.regclass").commandTag());
  }

  @Test
  void indexVectorsPrintAsPgDumpParsesThemAndSubscriptFromZero() {
    exec(s, "CREATE TABLE wide (a int, b text, c int, PRIMARY KEY (c, a))");
    String where = " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
        + " WHERE c.relname = 'wide'";
    Object indkey = value("SELECT i.indkey" + where);
    assertEquals("3 1", io.snapsync.core.sql.types.PgValues.toText(indkey,
        io.snapsync.core.session.DataType.INT2_ARRAY, java.time.ZoneOffset.UTC));
    assertEquals((short) 3, value("SELECT i.indkey[0]" + where));
    assertEquals((short) 1, value("SELECT i.indkey[1]" + where));
    assertEquals(null, value("SELECT i.indkey[2]" + where));
    assertEquals(true, value("SELECT 1 = ANY (i.indkey)" + where));
    assertEquals("3,1", value("SELECT array_to_string(i.indkey, ',')" + where));
    assertEquals("1978 1978", io.snapsync.core.sql.types.PgValues.toText(
        value("SELECT i.indclass" + where), io.snapsync.core.session.DataType.OID_ARRAY,
        java.time.ZoneOffset.UTC));
  }

  @Test
  void sequenceOfAnotherSchemaReadsQualified() {
    exec(s, "CREATE SCHEMA dumped");
    exec(s, "CREATE SEQUENCE dumped.tally START 7");
    assertEquals(List.of(Arrays.asList(7L, false)),
        exec(s, "SELECT last_value, is_called FROM dumped.tally").rows());
    assertEquals(List.of(Arrays.asList("dumped", "tally")), exec(s, "SELECT schemaname,"
        + " sequencename FROM pg_sequences WHERE schemaname = 'dumped'").rows());
    assertEquals("SELECT 0", exec(s, "SELECT unnest(setconfig) FROM pg_db_role_setting"
        + " WHERE setrole = 0").commandTag());
  }

  @Test
  void qualifiedAggregatesWithOrderByRunAsPgDumpWritesThem() {
    exec(s, "CREATE TABLE agg (k int, v text)");
    exec(s, "INSERT INTO agg VALUES (2, 'b'), (1, 'a'), (3, 'c')");
    assertEquals(List.of(3, 2, 1), value("SELECT pg_catalog.array_agg(k ORDER BY k DESC)"
        + " FROM agg"));
    assertEquals("a,b,c", value("SELECT pg_catalog.string_agg(v, ',' ORDER BY k) FROM agg"));
  }

  @Test
  void regclassOutputIsQualifiedWhenTheSchemaIsNotOnTheSearchPath() {
    Session own = fx.session();
    exec(own, "CREATE SCHEMA shop");
    exec(own, "CREATE TABLE shop.orders (id int PRIMARY KEY)");
    exec(own, "CREATE TABLE serials (id serial PRIMARY KEY)");
    assertEquals("shop.orders", EngineFixture.value(own, "SELECT 'shop.orders'::regclass::text"));
    assertEquals("serials", EngineFixture.value(own, "SELECT 'serials'::regclass::text"));
    String dflt = "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d"
        + " JOIN pg_class c ON c.oid = d.adrelid WHERE c.relname = 'serials'";
    assertEquals("nextval('serials_id_seq'::regclass)", EngineFixture.value(own, dflt));
    exec(own, "SELECT pg_catalog.set_config('search_path', '', false)");
    assertEquals("public.serials", EngineFixture.value(own,
        "SELECT 'public.serials'::regclass::text"));
    assertEquals("nextval('public.serials_id_seq'::regclass)", EngineFixture.value(own, dflt));
  }

  @Test
  void viewsAndSerialDefaultsHaveTheirDependencies() {
    exec(s, "CREATE TABLE base (id serial PRIMARY KEY, v int)");
    exec(s, "CREATE VIEW over_base AS SELECT id FROM base");
    assertEquals(List.of(Arrays.asList("n")), exec(s, "SELECT d.deptype FROM pg_depend d"
        + " WHERE d.objid = 'over_base'::regclass AND d.refobjid = 'base'::regclass").rows());
    assertEquals(List.of(Arrays.asList(2604L, "n")), exec(s, "SELECT d.classid, d.deptype"
        + " FROM pg_depend d WHERE d.refobjid = 'base_id_seq'::regclass"
        + " AND d.classid = 'pg_attrdef'::regclass").rows());
  }
}
