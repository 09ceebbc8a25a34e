package io.snapsync.core.sql.routine;

import io.snapsync.core.sql.func.EngineAndPostgresTest;
import io.snapsync.core.sql.srf.RowsVsPostgres;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User functions returning sets ({@code RETURNS SETOF t}, {@code RETURNS TABLE (...)}, OUT
 * parameters) in FROM and in the select list, SQL and PL/pgSQL bodies (RETURN NEXT, RETURN
 * QUERY), and user overloads joining a built-in's: every row, or the error, compared with a
 * real PostgreSQL 15.
 */
class SetReturningUserFunctionsTest extends EngineAndPostgresTest {

  static final List<String> SETUP = List.of(
      "create table st (id int primary key, n int, s text)",
      "insert into st values (1, 10, 'a'), (2, 20, 'b'), (3, 30, null), (4, null, 'd')",
      "create function evens(lim int) returns setof int language sql stable"
          + " as $$ select g from generate_series(2, lim, 2) g $$",
      "create function rows_over(k int) returns table (id int, label text) language sql"
          + " as $$ select id, s || '!' from st where n > k order by id $$",
      "create function pair(x int, out doubled int, out squared bigint) language sql"
          + " as $$ select x * 2, x * x $$",
      "create function pairs(x int, out a int, out b text) returns setof record language sql"
          + " as $$ select g, repeat('*', g) from generate_series(1, x) g $$",
      "create function nothing_set() returns setof text language sql"
          + " as $$ select s from st where false $$",
      "create function one_n(k int) returns int language sql as $$ select n from st where id = k $$",
      "create function pl_squares(n int) returns setof bigint language plpgsql as $$\n"
          + "begin\n for i in 1..n loop\n  if i % 2 = 1 then return next i * i; end if;\n"
          + " end loop;\n return;\nend $$",
      "create function pl_table(k int) returns table (id int, total bigint) language plpgsql"
          + " as $$\nbegin\n return query select st.id, (st.n + k)::bigint from st"
          + " where st.n is not null order by 1;\n id := 99; total := null; return next;\nend $$",
      "create function pl_out(x int, out lo int, out hi int) language plpgsql as $$\n"
          + "begin lo := x - 1; hi := x + 1; end $$",
      "create function generate_series(a text) returns setof text language sql"
          + " as $$ select a || '-' || g from generate_series(1, 2) g $$",
      "create function abs(t text) returns text language sql as $$ select '|' || t || '|' $$");

  @BeforeAll
  static void start() throws Exception {
    onBoth(SETUP);
  }

  private static void same(String... queries) throws Exception {
    RowsVsPostgres.assertSame(pg.socketDir(), pg.port(), s, List.of(queries));
  }

  @Test
  void sqlSetFunctionsInFrom() throws Exception {
    same("select * from evens(9)",
        "select e * 10 from evens(5) as e",
        "select * from evens(6) with ordinality as x(v, n)",
        "select * from rows_over(15)",
        "select r.label from rows_over(0) r where r.id > 1",
        "select * from pair(7)",
        "select squared from pair(-3)",
        "select * from pairs(3)",
        "select * from nothing_set()",
        "select * from one_n(2)",
        "select * from one_n(99)",
        "select st.id, e from st, evens(st.id) e order by 1, 2",
        "select count(*) from evens(1000)",
        "select * from evens(null)");
  }

  @Test
  void setFunctionsInTheSelectList() throws Exception {
    same("select evens(6)",
        "select id, evens(id) from st order by 1, 2",
        "select rows_over(15)",
        "select pair(4)",
        "select pairs(2)");
  }

  @Test
  void plpgsqlReturnNextAndQuery() throws Exception {
    same("select * from pl_squares(6)",
        "select * from pl_squares(0)",
        "select * from pl_table(5)",
        "select * from pl_out(10)",
        "select pl_out(3)",
        "select sum(t.total) from pl_table(1) t");
  }

  @Test
  void userOverloadsJoinTheBuiltIns() throws Exception {
    same("select * from generate_series('x')",
        "select * from generate_series(1, 3)",
        "select abs(-4)",
        "select abs('y'::text)",
        "select abs(-2.5)");
  }

  @Test
  void errorsAsPostgres() throws Exception {
    same("select * from evens('a')",
        "select * from evens(1, 2)",
        "select * from rows_over(1) as r(a int, b text)",
        "select * from nosuch_fn(1)");
  }
}
