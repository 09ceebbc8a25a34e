package io.snapsync.core.sql.routine;

import io.snapsync.core.sql.func.EngineAndPostgresTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.func.PostgresOracle;
import io.snapsync.core.sql.types.PgValues;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL-language functions defined the same way in snapsync and a real PostgreSQL 15, then
 * called: each call's text output, or {@code ERROR:  sqlstate: message}, must be identical.
 */
class SqlFunctionVsPostgresTest extends EngineAndPostgresTest {

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
          + " as $$ select a + b + 100 $$",
      "create function pl_sum(n int) returns bigint language plpgsql as $$\n"
          + "declare total bigint := 0;\n begin\n for i in 1..n loop\n"
          + "  if i % 3 = 0 then continue; end if;\n  total := total + i;\n end loop;\n"
          + " return total;\nend $$",
      "create function pl_collatz(x int) returns int language plpgsql as $$\n"
          + "declare steps int = 0;\nbegin\n while x <> 1 loop\n"
          + "  if x % 2 = 0 then x := x / 2; elsif x > 0 then x := 3 * x + 1;"
          + " else return -1; end if;\n  steps := steps + 1;\n end loop;\n return steps;\nend $$",
      "create function pl_grade(score int) returns text language plpgsql as $$\n"
          + "begin\n if score >= 90 then return 'A'; elsif score >= 80 then return 'B';"
          + " else return 'C'; end if;\nend $$",
      "create function pl_rows() returns int language plpgsql stable as $$\n"
          + "declare c int; begin c := (select count(*) from fn_t where n > 10);"
          + " return c * 10; end $$",
      "create function pl_fail(v int) returns int language plpgsql as $$\n"
          + "begin if v < 0 then raise exception 'negative: % (%%)', v; end if;"
          + " return v; end $$",
      "create function pl_noreturn() returns int language plpgsql as $$ begin null; end $$",
      "create function pl_loop(n int) returns int language plpgsql as $$\n"
          + "declare i int := 0; begin loop i := i + 1; exit when i >= n; end loop;"
          + " return i; end $$");

  @BeforeAll
  static void start() throws Exception {
    onBoth(SETUP);
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

  @Test
  void plpgsqlCallsAnswerAsPostgres() throws Exception {
    assertSame(List.of(
        "select pl_sum(10)",
        "select pl_sum(0)",
        "select pl_collatz(27)",
        "select pl_collatz(-4)",
        "select pl_grade(95) || pl_grade(85) || pl_grade(10)",
        "select pl_rows()",
        "select pl_fail(5)",
        "select pl_fail(-5)",
        "select pl_noreturn()",
        "select pl_loop(7)",
        "select sum(pl_sum(id)) from fn_t"));
  }

  static void assertSame(List<String> sqls) throws Exception {
    assertSame(pg, s, sqls);
  }

  /** Each of {@code sqls} answers the same in {@code pg} and in session {@code s}. */
  static void assertSame(PostgresOracle pg, Session s, List<String> sqls) throws Exception {
    List<String> answers = pg.values(sqls, "UTC");
    assertEquals(sqls.size(), answers.size(), "one answer per statement: " + answers);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < sqls.size(); i++) {
      String actual = ours(s, sqls.get(i));
      if (!answers.get(i).equals(actual)) {
        mismatches.add(sqls.get(i) + "\n  postgres: " + answers.get(i) + "\n  snapsync: "
            + actual);
      }
    }
    assertEquals("", String.join("\n", mismatches), mismatches.size() + " of " + sqls.size()
        + " differ");
  }

  static String ours(Session s, String sql) {
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
