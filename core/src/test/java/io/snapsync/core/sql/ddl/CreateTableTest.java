package io.snapsync.core.sql.ddl;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE TABLE, DROP TABLE and TRUNCATE through the project's grammar on a real database:
 * column types keep PostgreSQL's typmods, and written values are coerced and checked as
 * PostgreSQL does.
 */
class CreateTableTest {

  @TempDir
  static Path dir;
  static EngineFixture e;
  Session s;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @BeforeEach
  void open() {
    s = e.session();
  }

  @AfterEach
  void close() {
    await(s.close());
  }

  @Test
  void everyTypeKeepsItsTypmod() {
    exec(s, "CREATE TABLE types_t (a int, b int4, c bigint, d smallint, e varchar(10),"
        + " f character varying, g char(3), h character, i numeric(10,2), j numeric, k real,"
        + " l double precision, m float8, n boolean, o text, p timestamp(3),"
        + " q timestamp with time zone, r date, s time, t interval, u int[], v text[][],"
        + " w uuid, x jsonb, y json, z bytea, aa name, ab numeric(5))");
    var def = io.snapsync.core.sql.exec.TableCatalog.all(e.store.begin()).stream()
        .filter(t -> t.name().equals("types_t")).findFirst().orElseThrow();
    assertEquals(List.of(DataType.INT4, DataType.INT4, DataType.INT8, DataType.INT2,
        DataType.VARCHAR, DataType.VARCHAR, DataType.BPCHAR, DataType.BPCHAR,
        DataType.NUMERIC, DataType.NUMERIC, DataType.FLOAT4, DataType.FLOAT8, DataType.FLOAT8,
        DataType.BOOL, DataType.TEXT, DataType.TIMESTAMP, DataType.TIMESTAMPTZ, DataType.DATE,
        DataType.TIME, DataType.INTERVAL, DataType.INT4_ARRAY, DataType.TEXT_ARRAY,
        DataType.UUID, DataType.JSONB, DataType.JSON, DataType.BYTEA, DataType.NAME,
        DataType.NUMERIC), def.columns().stream().map(Column::type).toList());
    assertEquals(28, exec(s, "SELECT * FROM types_t").columns().size());
    assertEquals(14, def.columns().get(4).typmod()); // varchar(10)
    assertEquals(-1, def.columns().get(5).typmod());
    assertEquals(7, def.columns().get(6).typmod()); // char(3)
    assertEquals(5, def.columns().get(7).typmod()); // character = char(1)
    assertEquals(((10 << 16) | 2) + 4, def.columns().get(8).typmod());
    assertEquals(3, def.columns().get(15).typmod()); // timestamp(3)
    assertEquals(((5 << 16) | 0) + 4, def.columns().get(27).typmod());
  }

  @Test
  void valuesAreCoercedToTheColumnTypeOnWrite() {
    exec(s, "CREATE TABLE coerce_t (v varchar(5), c char(3), n numeric(5,2))");
    exec(s, "INSERT INTO coerce_t VALUES ('abc', 'x', 1.005)");
    assertEquals(new BigDecimal("1.01"), value(s, "SELECT n FROM coerce_t"));
    assertEquals("x  ", value(s, "SELECT c FROM coerce_t"));
    SnapsyncException tooLong = fails(s, "INSERT INTO coerce_t (v) VALUES ('abcdef')", "22001");
    assertEquals("value too long for type character varying(5)", tooLong.getMessage());
    fails(s, "UPDATE coerce_t SET c = 'abcd'", "22001");
    SnapsyncException overflow = fails(s, "INSERT INTO coerce_t (n) VALUES (1000)", "22003");
    assertEquals("numeric field overflow", overflow.getMessage());
    // trailing spaces beyond the length are cut, as in PostgreSQL
    exec(s, "INSERT INTO coerce_t (v) VALUES ('abcde   ')");
    assertEquals(2L, ((Number) value(s, "SELECT count(*) FROM coerce_t")).longValue());
  }

  @Test
  void createTableOptionsAndIfNotExists() {
    exec(s, "CREATE TEMP TABLE opt_a (x int)");
    exec(s, "CREATE UNLOGGED TABLE opt_b (x int)");
    exec(s, "CREATE TABLE public.opt_c (x int, y int, PRIMARY KEY (x, y))");
    StatementResult r = exec(s, "CREATE TABLE IF NOT EXISTS opt_b (z int)");
    assertEquals("CREATE TABLE", r.commandTag());
    assertEquals(1, r.notices().size());
    SnapsyncException dup = fails(s, "CREATE TABLE opt_b (x int)", "42P07");
    assertEquals("relation \"opt_b\" already exists", dup.getMessage());
    fails(s, "CREATE TABLE bad_t (x int, x text)", "42701");
    fails(s, "CREATE TABLE bad_t (x int PRIMARY KEY, y int PRIMARY KEY)", "42P16");
    fails(s, "CREATE TABLE bad_t (x int, PRIMARY KEY (nope))", "42703");
    SnapsyncException type = fails(s, "CREATE TABLE bad_t (x nosuchtype)", "42704");
    assertEquals("type \"nosuchtype\" does not exist", type.getMessage());
    fails(s, "CREATE TABLE other.bad_t (x int)", "3F000");
    fails(s, "CREATE TABLE bad_t (x int", "42601");
  }

  @Test
  void dropSeveralTablesAndTruncate() {
    exec(s, "CREATE TABLE d1 (x int); CREATE TABLE d2 (x int); CREATE TABLE d3 (x int)");
    exec(s, "INSERT INTO d1 VALUES (1), (2); INSERT INTO d2 VALUES (3)");
    assertEquals("TRUNCATE TABLE", exec(s, "TRUNCATE TABLE d1, d2 RESTART IDENTITY").commandTag());
    assertEquals(0L, ((Number) value(s, "SELECT count(*) FROM d1")).longValue());
    assertEquals(0L, ((Number) value(s, "SELECT count(*) FROM d2")).longValue());
    fails(s, "TRUNCATE d1, nope", "42P01");
    StatementResult r = exec(s, "DROP TABLE IF EXISTS d1, nope, d2 CASCADE");
    assertEquals("DROP TABLE", r.commandTag());
    assertEquals(1, r.notices().size());
    fails(s, "SELECT * FROM d1", "42P01");
    SnapsyncException missing = fails(s, "DROP TABLE d3, nope RESTRICT", "42P01");
    assertEquals("table \"nope\" does not exist", missing.getMessage());
    // the failed statement dropped nothing
    exec(s, "SELECT * FROM d3");
  }

  @Test
  void ddlRollsBack() {
    exec(s, "BEGIN; CREATE TABLE rb_t (x int); INSERT INTO rb_t VALUES (1); ROLLBACK");
    fails(s, "SELECT * FROM rb_t", "42P01");
    exec(s, "CREATE TABLE rb_u (x int); INSERT INTO rb_u VALUES (1)");
    exec(s, "BEGIN; DROP TABLE rb_u; ROLLBACK");
    assertEquals(1, value(s, "SELECT x FROM rb_u"));
  }

  @Test
  void createTableAsAndLike() {
    exec(s, "CREATE TABLE src (id int PRIMARY KEY, name varchar(5) NOT NULL DEFAULT 'n',"
        + " n int CHECK (n > 0))");
    exec(s, "INSERT INTO src VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
    StatementResult r = exec(s, "CREATE TABLE ctas AS SELECT id, name, n * 2 AS twice FROM src"
        + " WHERE id > 1");
    assertEquals("SELECT 2", r.commandTag());
    assertEquals(List.of(List.of(2, "b", 4), List.of(3, "c", 6)),
        exec(s, "SELECT * FROM ctas ORDER BY id").rows());
    assertEquals("SELECT 1", exec(s, "CREATE TABLE ctas2 AS (SELECT 1 AS x1)").commandTag());
    fails(s, "CREATE TABLE ctas AS SELECT 1", "42P07");

    exec(s, "CREATE TABLE lk (LIKE src, extra text)");
    exec(s, "INSERT INTO lk (id, name, n) VALUES (1, 'x', -1)"); // no defaults, no checks
    fails(s, "INSERT INTO lk (id, n) VALUES (2, 1)", "23502"); // NOT NULL is copied
    exec(s, "CREATE TABLE lk2 (LIKE src INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
    exec(s, "INSERT INTO lk2 (id, n) VALUES (1, 1)");
    assertEquals("n", value(s, "SELECT name FROM lk2"));
    fails(s, "INSERT INTO lk2 (id, n) VALUES (2, 0)", "23514");
    fails(s, "CREATE TABLE lk3 (LIKE nosuch)", "42P01");
    fails(s, "CREATE TABLE lk3 (LIKE src, id int)", "42701");
  }

  @Test
  void pgbenchInitStatementsRun() {
    // pgbench -i -I dt: the statements of PostgreSQL 15's pgbench, verbatim
    for (int round = 0; round < 2; round++) {
      exec(s, "drop table if exists pgbench_accounts, pgbench_branches, pgbench_history,"
          + " pgbench_tellers");
      exec(s, "create table pgbench_history(tid int,bid int,aid    int,delta int,"
          + "mtime timestamp,filler char(22))");
      exec(s, "create table pgbench_tellers(tid int not null,bid int,tbalance int,"
          + "filler char(84)) with (fillfactor=100)");
      exec(s, "create table pgbench_accounts(aid    int not null,bid int,abalance int,"
          + "filler char(84)) with (fillfactor=100)");
      exec(s, "create table pgbench_branches(bid int not null,bbalance int,filler char(88))"
          + " with (fillfactor=100)");
      exec(s, "truncate table pgbench_accounts, pgbench_branches, pgbench_history,"
          + " pgbench_tellers");
      exec(s, "insert into pgbench_branches(bid,bbalance) values(1,0)");
    }
    assertEquals(1L, ((Number) value(s, "SELECT count(*) FROM pgbench_branches")).longValue());
  }
}
