package io.snapsync.core.sql.routine;

import io.snapsync.core.sql.func.EngineAndPostgresTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.sql.EngineFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PL/pgSQL statements (SELECT INTO [STRICT], FOUND, GET DIAGNOSTICS, FOR over a query and
 * EXECUTE, EXECUTE USING, RETURN QUERY EXECUTE, DML with RETURNING INTO, EXCEPTION handlers,
 * RAISE with conditions) and DO blocks, defined the same way in snapsync and a real
 * PostgreSQL 15: each call's text output, or {@code ERROR:  sqlstate: message}, is identical.
 */
class PlpgsqlVsPostgresTest extends EngineAndPostgresTest {

  static final List<String> SETUP = List.of(
      "create table pl_t (id int primary key, n int, s text)",
      "insert into pl_t values (1, 10, 'a'), (2, 20, 'b'), (3, 30, null)",
      "create table pl_log (id int primary key, msg text)",
      "create function pl_into(k int) returns text language plpgsql as $$\n"
          + "declare v int; w text; begin\n"
          + " select n, s into v, w from pl_t where id = k;\n"
          + " if not found then return 'none'; end if;\n"
          + " return v || '/' || coalesce(w, '-'); end $$",
      "create function pl_strict(k int) returns int language plpgsql as $$\n"
          + "declare v int; begin select n into strict v from pl_t where id >= k;"
          + " return v; end $$",
      "create function pl_rec(k int) returns text language plpgsql as $$\n"
          + "declare r record; begin select * into r from pl_t where id = k;"
          + " return (r.id + r.n) || r.s; end $$",
      "create function pl_loop_sum() returns bigint language plpgsql as $$\n"
          + "declare r record; t bigint := 0; begin\n"
          + " for r in select id, n from pl_t order by id loop t := t + r.id * r.n; end loop;\n"
          + " return t; end $$",
      "create function pl_dyn(col text, k int) returns text language plpgsql as $$\n"
          + "declare v text; begin\n"
          + " execute 'select ' || col || '::text from pl_t where id = $1' into v using k;\n"
          + " return v; end $$",
      "create function pl_dyn_loop(lim int) returns text language plpgsql as $$\n"
          + "declare r record; acc text := ''; begin\n"
          + " for r in execute 'select id from pl_t where id <= $1 order by id desc' using lim"
          + " loop acc := acc || r.id; end loop; return acc; end $$",
      "create function pl_rq(lim int) returns setof int language plpgsql as $$\n"
          + "begin return query execute 'select n from pl_t where id <= $1 order by id'"
          + " using lim; end $$",
      "create function pl_count() returns text language plpgsql as $$\n"
          + "declare c bigint; begin\n"
          + " update pl_t set n = n where id > 1;\n"
          + " get diagnostics c = row_count;\n"
          + " return c || ' ' || found; end $$",
      "create function pl_ins(k int, m text) returns int language plpgsql as $$\n"
          + "declare got int; begin\n"
          + " insert into pl_log values (k, m) returning id * 100 into got;\n"
          + " return got; end $$",
      "create function pl_safe_div(a int, b int) returns text language plpgsql as $$\n"
          + "begin return (a / b)::text;\n"
          + "exception when division_by_zero then return 'div0 ' || sqlstate || ' ' || sqlerrm;"
          + " end $$",
      "create function pl_dup(k int) returns text language plpgsql as $$\n"
          + "begin insert into pl_log values (k, 'dup');\n return 'ok';\n"
          + "exception when unique_violation then return 'dup ' || sqlstate;\n end $$",
      "create function pl_undo(k int) returns text language plpgsql as $$\n"
          + "begin\n begin insert into pl_log values (k, 'undone'); perform 1 / 0;\n"
          + " exception when others then null; end;\n"
          + " return (select count(*) from pl_log where id = k)::text; end $$",
      "create function pl_raise(code text) returns text language plpgsql as $$\n"
          + "begin raise exception 'custom %', code using errcode = code;\n"
          + "exception when sqlstate '22012' then return 'caught 22012';\n"
          + " when others then return sqlstate || ': ' || sqlerrm; end $$",
      "create function pl_rethrow() returns int language plpgsql as $$\n"
          + "begin begin perform 1 / 0; exception when others then raise; end; return 1; end $$",
      "create function pl_cond() returns int language plpgsql as $$\n"
          + "begin raise no_data_found; end $$",
      "create function pl_assert(v int) returns int language plpgsql as $$\n"
          + "begin assert v > 0, 'v must be positive'; return v;\n"
          + "exception when assert_failure then return -v; end $$",
      "create function pl_nodest() returns int language plpgsql as $$\n"
          + "begin select 1; return 1; end $$",
      "create function sql_ins(k int) returns int language sql as $$ insert into pl_log"
          + " values (k, 'sql fn'); update pl_log set msg = msg || '+' where id = k"
          + " returning id * 2 $$",
      "create procedure pl_put(k int, m text) language plpgsql as $$\n"
          + "begin insert into pl_log values (k, m); end $$",
      "create procedure pl_put_sql(k int) language sql as $$ insert into pl_log values (k,"
          + " 'sql proc') $$",
      "create procedure pl_twice(inout x int) language plpgsql as $$ begin x := x * 2; end $$",
      "create function pl_noisy(v int) returns int language plpgsql as $$"
          + " begin raise notice 'value %', v; return v; end $$",
      "create procedure pl_tx() language plpgsql as $$ begin commit; end $$");

  @BeforeAll
  static void start() throws Exception {
    onBoth(SETUP);
  }


  @Test
  void selectIntoAndLoopsAnswerAsPostgres() throws Exception {
    SqlFunctionVsPostgresTest.assertSame(pg, s, List.of(
        "select pl_into(2)",
        "select pl_into(3)",
        "select pl_into(9)",
        "select pl_strict(3)",
        "select pl_strict(1)",
        "select pl_strict(9)",
        "select pl_rec(1)",
        "select pl_loop_sum()",
        "select pl_dyn('s', 2)",
        "select pl_dyn('(n * 2)', 3)",
        "select pl_dyn_loop(2)",
        "select sum(x) from pl_rq(2) x",
        "select pl_count()",
        "select pl_nodest()"));
  }

  @Test
  void writesAndHandlersAnswerAsPostgres() throws Exception {
    SqlFunctionVsPostgresTest.assertSame(pg, s, List.of(
        "select pl_ins(1, 'one')",
        "select pl_ins(1, 'again')",
        "select pl_safe_div(7, 2)",
        "select pl_safe_div(7, 0)",
        "select pl_dup(1)",
        "select pl_dup(5)",
        "select pl_undo(7)",
        "select pl_raise('22012')",
        "select pl_raise('P0001')",
        "select pl_raise('23505')",
        "select pl_rethrow()",
        "select pl_cond()",
        "select sql_ins(400)",
        "select sql_ins(400)",
        "select pl_assert(3)",
        "select pl_assert(-3)",
        "select string_agg(id || msg, ',' order by id) from pl_log"
            + " where id < 100 or id = 400"));
  }

  @Test
  void doBlocksRunInTheCallersTransaction() throws Exception {
    List<String> blocks = List.of(
        "do $$ declare i int; begin for i in 1..3 loop insert into pl_log values (100 + i,"
            + " 'do ' || i); end loop; end $$",
        "do language plpgsql $$ declare r record; begin for r in select id from pl_log"
            + " where id > 100 loop update pl_log set msg = msg || '!' where id = r.id;"
            + " end loop; end $$",
        "do $$ begin delete from pl_log where id = 102; exception when others then null;"
            + " end $$");
    pg.execute(blocks);
    for (String b : blocks) {
      assertEquals("DO", EngineFixture.exec(s, b).commandTag());
    }
    SqlFunctionVsPostgresTest.assertSame(pg, s, List.of(
        "select string_agg(id || msg, ',' order by id) from pl_log where id > 100"));
    EngineFixture.exec(s, "begin");
    EngineFixture.exec(s, "do $$ begin insert into pl_log values (200, 'rolled back'); end $$");
    EngineFixture.exec(s, "rollback");
    assertEquals(0, EngineFixture.exec(s, "select * from pl_log where id = 200").rows().size());
  }

  @Test
  void proceduresRunByCall() throws Exception {
    List<String> calls = List.of("call pl_put(300, 'called')", "call pl_put_sql(301)");
    pg.execute(calls);
    for (String c : calls) {
      assertEquals("CALL", EngineFixture.exec(s, c).commandTag());
    }
    SqlFunctionVsPostgresTest.assertSame(pg, s, List.of(
        "select string_agg(id || msg, ',' order by id) from pl_log where id >= 300"));
    io.snapsync.core.session.StatementResult r = EngineFixture.exec(s, "call pl_twice(21)");
    assertEquals(List.of(List.of(42)), r.rows());
    assertEquals("x", r.columns().get(0).name());
    assertEquals("ERROR:  2D000: invalid transaction termination",
        SqlFunctionVsPostgresTest.ours(s, "call pl_tx()"));
    assertEquals("ERROR:  42809: pl_into(integer) is not a procedure",
        SqlFunctionVsPostgresTest.ours(s, "call pl_into(1)"));
    assertEquals("ERROR:  42883: procedure nosuch(integer) does not exist",
        SqlFunctionVsPostgresTest.ours(s, "call nosuch(1)"));
  }

  @Test
  void raiseNoticeComesWithTheResult() throws Exception {
    io.snapsync.core.session.StatementResult r = EngineFixture.exec(s,
        "do $$ declare n int := 3; begin raise notice 'n is %, half %', n, n / 2.0;"
            + " raise warning 'careful' using hint = 'a hint'; end $$");
    assertEquals(2, r.notices().size());
    io.snapsync.core.session.Notice first = r.notices().get(0);
    assertEquals(io.snapsync.core.error.Severity.NOTICE, first.severity());
    assertEquals("00000", first.sqlState());
    assertEquals("n is 3, half 1.5000000000000000",
        io.snapsync.core.catalog.MessageCatalog.english(first.message()));
    io.snapsync.core.session.Notice second = r.notices().get(1);
    assertEquals(io.snapsync.core.error.Severity.WARNING, second.severity());
    assertEquals("a hint", io.snapsync.core.catalog.MessageCatalog.english(second.hint()));
    io.snapsync.core.session.StatementResult q = EngineFixture.exec(s,
        "select pl_noisy(4)");
    assertEquals(List.of("value 4"), q.notices().stream()
        .map(n -> io.snapsync.core.catalog.MessageCatalog.english(n.message())).toList());
  }

  @Test
  void errorsRaisedByAStatementNameItsLine() {
    assertEquals("PL/pgSQL function pl_strict(integer) line 2 at SQL statement",
        context("select pl_strict(1)"));
    assertEquals("Make sure the query returns a single row, or use LIMIT 1.",
        io.snapsync.core.catalog.MessageCatalog.english(error("select pl_strict(1)").hint()));
    assertEquals("PL/pgSQL function pl_cond() line 2 at RAISE", context("select pl_cond()"));
    assertEquals("PL/pgSQL function inline_code_block line 3 at RAISE",
        context("do $$\nbegin\n raise exception 'no';\nend $$"));
  }

  private static io.snapsync.core.error.SnapsyncException error(String sql) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        io.snapsync.core.error.SnapsyncException.class, () -> EngineFixture.exec(s, sql));
  }

  private static String context(String sql) {
    return io.snapsync.core.catalog.MessageCatalog.english(error(sql).context());
  }
}
