package io.snapsync.core.sql.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.func.PostgresOracle;
import io.snapsync.core.sql.types.PgValues;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL-language functions defined the same way in snapsync and a real PostgreSQL 15, then
 * called: each call's text output, or {@code ERROR:  sqlstate: message}, must be identical.
 */
class SqlFunctionVsPostgresTest {

  @TempDir
  static Path temp;
  static PostgresOracle pg;
  static EngineFixture fx;
  static Session s;

  static final List<String> SETUP = List.of(
      "create table fn_t (id int primary key, n int, s text)",
      "insert into fn_t values (1, 10, 'a'), (2, 20, 'b'), (3, 30, null)",
      "create function add2(a int, b int) returns int language sql immutable"
          + " as $$ select a + b $$",
      "create function add2(a text, b text) returns text as 'select a || b' language sql",
      "create function greet(name text, greeting text default 'hello') returns text"
          + " language sql return greeting || ', ' || name",
      "create function total() returns bigint language sql stable"
          + " as $$ select sum(n) from fn_t $$",
      "create function n_of(k int) returns int language sql as $$ select n from fn_t"
          + " where id = $1 $$",
      "create function strict_inc(int) returns int strict language sql as 'select $1 + 1'",
      "create function fact(n int) returns numeric language sql as $f$ select case when n <= 1"
          + " then 1::numeric else n * fact(n - 1) end $f$",
      "create function two_stmts() returns int language sql begin atomic select 1; select 2;"
          + " end",
      "create function half(x double precision) returns double precision"
          + " language sql as 'select x / 2'",
      "create function as_text(v int) returns text language sql as 'select $1 * 2'",
      "create or replace function add2(a int, b int) returns int language sql"
          + " as $$ select a + b + 100 $$");

  @BeforeAll
  static void start() throws Exception {
    pg = PostgresOracle.start(temp);
    pg.execute(SETUP);
    fx = EngineFixture.start(temp.resolve("snapsync"));
    s = fx.session();
    for (String sql : SETUP) {
      EngineFixture.exec(s, sql);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (fx != null) {
      fx.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void callsAnswerAsPostgres() throws Exception {
    assertSame(List.of(
        "select add2(1, 2)",
        "select add2('x', 'y')",
        "select add2(1, null)",
        "select greet('bob')",
        "select greet('bob', 'hi')",
        "select total()",
        "select n_of(2)",
        "select n_of(9)",
        "select strict_inc(null)",
        "select strict_inc(41)",
        "select fact(10)",
        "select two_stmts()",
        "select sum(add2(id, n)) from fn_t",
        "select string_agg(add2(s, 'z'), ',' order by id) from fn_t",
        "select half(5)",
        "select as_text(21)",
        "select n_of(id) from fn_t where id = 3",
        "select nosuch(1)",
        "select add2(1, 2, 3)",
        "select add2(true, 2)"));
  }

  static void assertSame(List<String> sqls) throws Exception {
    List<String> answers = pg.values(sqls, "UTC");
    assertEquals(sqls.size(), answers.size(), "one answer per statement: " + answers);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < sqls.size(); i++) {
      String actual = ours(sqls.get(i));
      if (!answers.get(i).equals(actual)) {
        mismatches.add(sqls.get(i) + "\n  postgres: " + answers.get(i) + "\n  snapsync: "
            + actual);
      }
    }
    assertEquals("", String.join("\n", mismatches), mismatches.size() + " of " + sqls.size()
        + " differ");
  }

  static String ours(String sql) {
    try {
      StatementResult r = EngineFixture.exec(s, sql);
      if (r.rows().isEmpty()) {
        return "";
      }
      Object v = r.rows().get(0).get(0);
      if (v instanceof Boolean b) {
        return b.toString();
      }
      return v == null ? "" : PgValues.toText(v, r.columns().get(0).type(), ZoneId.of("UTC"));
    } catch (SnapsyncException e) {
      String cause = e.getCause() == null ? "" : "  [" + e.getCause() + "]";
      return "ERROR:  " + e.sqlState() + ": " + MessageCatalog.builtin().render("en",
          e.message()) + cause;
    }
  }
}
