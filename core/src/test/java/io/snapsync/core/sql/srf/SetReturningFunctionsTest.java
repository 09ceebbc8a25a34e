package io.snapsync.core.sql.srf;

import io.snapsync.core.sql.func.EngineAndPostgresTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Set-returning functions in FROM and in the select list, LATERAL and WITH RECURSIVE, each
 * query's every row (or its error) compared with a real PostgreSQL 15's.
 */
class SetReturningFunctionsTest extends EngineAndPostgresTest {

  @BeforeAll
  static void start() throws Exception {
    List<String> setup = List.of(
        "CREATE TABLE t (id int PRIMARY KEY, n int, name text)",
        "INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b'), (3, NULL, 'c')",
        "CREATE TABLE j (id int PRIMARY KEY, doc jsonb, arr int[])",
        "INSERT INTO j VALUES (1, '{\"a\":1,\"b\":[1,2]}', '{1,2}'), (2, '{\"c\":null}', '{3}')",
        "CREATE TABLE edge (src int, dst int, PRIMARY KEY (src, dst))",
        "INSERT INTO edge VALUES (1, 2), (2, 3), (3, 4), (2, 5), (5, 1)");
    onBoth(setup);
  }

  private static void same(String... queries) throws Exception {
    RowsVsPostgres.assertSame(pg.socketDir(), pg.port(), s, List.of(queries));
  }
  @Test
  void generateSeriesOverloadsAsPostgres() throws Exception {
    same(
"select * from generate_series(1,3)",
        "select * from generate_series(1::bigint,3) g(x)",
        "select * from generate_series(1.5,3.5,0.5)",
        "select * from generate_series(1.0, 2.0, 0.3)",
        "select * from generate_series('2020-01-01'::timestamp,'2020-01-03','1 day')",
        "select * from generate_series('2020-01-01'::date, '2020-01-03'::date, '1 day')",
        "select * from generate_series('2020-01-01 00:00'::timestamptz, '2020-01-01 02:00', '1 hour')",
        "select * from generate_series(5, 1, -2)",
        "select * from generate_series(2147483646, 2147483647)",
        "select count(*) from generate_series(1,1000)",
        "select * from generate_series(1, 3, 0)");
  }

  @Test
  void aliasesOrdinalityAndColumnDefinitionLists() throws Exception {
    same(
"select * from generate_series(1,5) with ordinality as g(x, n)",
        "select * from generate_series(1,3) g",
        "select g, g.g from generate_series(1,3) g",
        "select * from generate_series(1,3) with ordinality g",
        "select * from unnest(array[1,2]) with ordinality as u(x, i)",
        "select * from jsonb_to_record('{\"a\":1,\"b\":\"x\"}') as x(a int, b text)",
        "select * from generate_series(1,2) g(a,b)",
        "select * from jsonb_to_record('{\"a\":1}')",
        "select * from jsonb_each('{\"a\":1}') as x(a text, b jsonb)",
        "select * from generate_series(1,2) as x(a int)");
  }

  @Test
  void unnestSeveralAndMultiDimensionalArrays() throws Exception {
    same(
"select * from unnest(array[1,2]) as u(c)",
        "select * from unnest(array[1,2], array['a','b','c']) as u(c, d)",
        "select * from unnest('{{1,2},{3,4}}'::int[])",
        "select * from unnest(array['a','b']::text[], array[1]) as u(a, b)",
        "select * from generate_subscripts('{{1,2},{3,4},{5,6}}'::int[], 1)",
        "select * from generate_subscripts(array[1,2,3], 1, true)",
        "select * from generate_subscripts(array[5,6,7], 1)");
  }

  @Test
  void jsonTableFunctionsAsPostgres() throws Exception {
    same(
"select * from jsonb_each('{\"a\":1,\"b\":\"x\"}')",
        "select * from jsonb_each_text('{\"a\":1,\"b\":\"x\"}')",
        "select * from json_each('{\"a\":1,\"b\":\"x\"}')",
        "select * from json_each_text('{\"b\":2,\"a\":null}')",
        "select key, value from jsonb_each('{\"b\":2,\"a\":{\"c\":[1,2]}}') order by key",
        "select * from jsonb_object_keys('{\"a\":1,\"b\":\"x\"}')",
        "select * from jsonb_array_elements_text('[1,\"x\",null]')",
        "select * from jsonb_array_elements('[{\"a\":1},[2],\"s\",null,true,1.50]')",
        "select * from jsonb_to_recordset('[{\"a\":1,\"b\":\"x\"},{\"a\":2}]') as x(a int, b text)",
        "select * from j, jsonb_array_elements(doc->'b') e order by 1");
  }

  @Test
  void jsonTableFunctionErrorsAsPostgres() throws Exception {
    same(
"select * from jsonb_each('[1]')",
        "select * from jsonb_array_elements('{\"a\":1}')",
        "select * from jsonb_array_elements('1')",
        "select * from jsonb_object_keys('[1]')",
        "select * from jsonb_object_keys('1')",
        "select * from jsonb_to_recordset('{\"a\":1}') as x(a int)",
        "select * from jsonb_to_recordset('[1]') as x(a int)");
  }

  @Test
  void textSplittingFunctionsAsPostgres() throws Exception {
    same(
"select * from string_to_table('a,b,,c', ',')",
        "select * from string_to_table('abc', null)",
        "select * from string_to_table('a,b,NULL', ',', 'NULL')",
        "select * from string_to_table('', ',')",
        "select * from regexp_split_to_table('a1b22c', '[0-9]+')",
        "select * from regexp_split_to_table('the quick brown fox', '\\s+')",
        "select * from regexp_split_to_table('abc', '')",
        "select * from regexp_split_to_table('', 'x')",
        "select regexp_matches('a1b22c333', '[0-9]+', 'g')",
        "select * from regexp_matches('foobarbequebaz', '(bar)(beque)')",
        "select * from regexp_matches('foObARbEqUEbAz', '(bar)(beque)', 'i')",
        "select regexp_matches('abc', 'z')");
  }

  @Test
  void selectListSetReturningFunctionsInLockstep() throws Exception {
    same(
"select generate_series(1,3)",
        "select generate_series(1,3), generate_series(1,2)",
        "select id, unnest(arr) from j order by 1",
        "select id, unnest(arr), generate_series(1,3) from j order by 1, 3",
        "select x, generate_series(1, x) from generate_series(1,3) x",
        "select generate_series(1,2) as a, 'x' as b",
        "select 1 + generate_series(1,3)",
        "select * from t where id in (select generate_series(1,2))",
        "select case when true then generate_series(1,2) end");
  }

  @Test
  void lateralSubqueriesAndFunctions() throws Exception {
    same(
"select * from t, lateral (select n * 2 as m) s order by id",
        "select * from t left join lateral (select t.n + u.n as k from t u where u.id = t.id + 1) s on true order by id",
        "select * from t left join lateral (select u.id from t u where u.n > t.n) s on true order by 1, 4",
        "select * from t, lateral generate_series(1, t.id) g order by 1, 4",
        "select * from t cross join lateral (select count(*) from t u where u.id <= t.id) c order by 1",
        "select * from t, unnest(array[t.id, t.n]) u(v) order by 1, 4");
  }

  @Test
  void withRecursiveAsPostgres() throws Exception {
    same(
"with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select * from r",
        "with recursive r(n) as (select 1 union select n from r) select * from r",
        "with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select sum(n) from r",
        "with recursive fib(a, b) as (select 0, 1 union all select b, a + b from fib where b < 50) select a from fib",
        "with recursive r as (select 1 as n union all select n + 1 from r where n < 3), s as (select n * 10 as m from r) select * from s");
  }

  @Test
  void jsonKeepsItsTextAndRecordsReadJson() throws Exception {
    same(
"select * from json_to_recordset('[{\"a\":1,\"b\":{\"c\":2}},{\"b\":null}]') as x(a int, b json)",
        "select * from jsonb_to_record('{\"a\":null,\"b\":{\"c\": 2}}') as x(a jsonb, b jsonb)",
        "select * from json_to_record('{\"a\":1,\"b\":\"foo\",\"c\":\"bar\"}') as x(a int, b text, d text)",
        "select * from json_array_elements_text('[{\"a\":1},[2],\"s\",null,true,1.50]')",
        "select * from json_array_elements('[{\"a\":1},  [2],\"s\\\"x\",null,true,1.50]')",
        "select * from json_object_keys('{\"b\":2,\"a\":null,\"b\":3}')",
        "select * from json_each('{\"f1\":[1,2,3],\"f2\":{\"f3\":1},\"f4\":null,\"f5\":99,\"f6\":\"stringy\"}') q",
        "select * from json_each_text('{\"f1\":[1,2,3],\"f2\":{\"f3\":1},\"f4\":null,\"f5\":99,\"f6\":\"stringy\"}') q",
        "select * from jsonb_to_record('[1]') as x(a int)",
        "select * from jsonb_to_record('1') as x(a int)");
  }

  @Test
  void recordsGroupingAndSubqueriesInTheSelectList() throws Exception {
    same(
"select json_each('{\"f1\":[1,2,3],\"f2\":{\"f3\":1},\"f4\":null}')",
        "select jsonb_each_text('{\"a\":{\"b\":\"c\",\"c\":\"b\",\"1\":\"first\"},\"b\":[1,2],\"c\":\"cc\",\"1\":\"first\",\"n\":null}'::jsonb)",
        "select jsonb_each('{\"a\":1,\"b\":\"x y\"}')",
        "select json_array_elements('[1,true,[1,[2,3]],null,{\"f1\":1,\"f2\":[7,8,9]},false,\"stringy\"]')",
        "select max(n), generate_series(1,3) as g from t order by g desc",
        "select name, generate_series(1, count(*)::int) from t group by name order by 1, 2",
        "select count(*), unnest(array['a','b']) from t",
        "select coalesce(generate_series(1,2), 0)",
        "select * from t where exists (select 1 from generate_series(1, t.id) g where g = 2)",
        "select (select count(*) from generate_series(1, t.id)) from t order by id");
  }

  @Test
  void lateralJoinsWithConditionsAndRecursiveGraphs() throws Exception {
    same(
"select * from t left join lateral (select u.n as k from t u where u.id = t.id and t.n > 10) s on true order by id",
        "select * from generate_series(1::numeric, 3::numeric) i, generate_series(1,i) j",
        "select * from generate_series(0.1::numeric, 4.0::numeric, 1.3::numeric)",
        "with recursive search_graph(f, t, depth) as (select src, dst, 1 from edge where src = 1 union all select e.src, e.dst, g.depth + 1 from edge e, search_graph g where e.src = g.t and g.depth < 4) select * from search_graph order by depth, f, t",
        "with recursive r(n) as (select 1 union select (n % 3) + 1 from r) select * from r order by n",
        "with recursive reach(n) as (select 1 union select e.dst from edge e join reach r on e.src = r.n) select * from reach order by n");
  }

  @Test
  void infiniteRecursionStopsAtStatementTimeout() {
    Session x = fx.session();
    EngineFixture.exec(x, "SET statement_timeout = 300");
    long start = System.nanoTime();
    EngineFixture.fails(x, "with recursive r(n) as (select 1 union all select n + 1 from r) "
        + "select count(*) from r", "57014");
    EngineFixture.fails(x, "with recursive r(n) as (select 1 union all select n from r) "
        + "select count(*) from r", "57014");
    assertEquals(List.of(List.of(1)), EngineFixture.exec(x, "select 1").rows(),
        "the session runs statements again after the timeout");
    EngineFixture.exec(x, "SET statement_timeout = 0");
    assertEquals(true, System.nanoTime() - start < 30_000_000_000L);
  }
}
