package io.snapsync.core.sql.func;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.DataType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** json and jsonb through the whole engine (analyzer, planner, operators), against PostgreSQL 15. */
class JsonEngineTest extends EngineAndPostgresTest {

  private static final List<String> SETUP = List.of(
      "CREATE TABLE docs (id int PRIMARY KEY, j jsonb, t json)",
      "INSERT INTO docs VALUES (1, '{\"a\": 1, \"tags\": [\"x\", \"y\"]}', '{\"a\":1}'),"
          + " (2, '{\"a\": 2, \"b\": {\"c\": null}}', '[1, 2]'), (3, NULL, NULL)");

  @BeforeAll
  static void start() throws Exception {
    onBoth(SETUP);
  }

  @Test
  void typedLiteralsAndColumnsHaveJsonTypes() {
    var r = exec(s, "SELECT '{\"b\":1,\"a\":2}'::jsonb, '{\"b\":1}'::json, j, t FROM docs WHERE id = 1");
    assertEquals(DataType.JSONB, r.columns().get(0).type());
    assertEquals(DataType.JSON, r.columns().get(1).type());
    assertEquals(DataType.JSONB, r.columns().get(2).type());
    assertEquals(DataType.JSON, r.columns().get(3).type());
  }

  @Test
  void operatorsMatchPostgres() throws Exception {
    EngineVsPostgres.assertSame(pg, s, List.of(
        "select '{\"b\":1,  \"a\":[1,2]}'::jsonb",
        "select '{\"b\":1,  \"a\":[1,2]}'::json",
        "select '{\"a\":{\"b\":[10,20]}}'::jsonb -> 'a'",
        "select '{\"a\":{\"b\":[10,20]}}'::jsonb -> 'a' -> 'b' -> 1",
        "select '{\"a\":{\"b\":[10,20]}}'::json -> 'a' -> 'b' ->> 0",
        "select '[1,2,3]'::jsonb -> -1",
        "select '{\"a\":\"x\"}'::jsonb ->> 'a'",
        "select '{\"a\":{\"b\":[10,20]}}'::jsonb #> '{a,b,1}'",
        "select '{\"a\":{\"b\":[10,20]}}'::jsonb #>> '{a,b}'",
        "select '{\"a\":1,\"b\":2}'::jsonb @> '{\"b\":2}'",
        "select '{\"b\":2}'::jsonb <@ '{\"a\":1,\"b\":2}'",
        "select '{\"a\":1}'::jsonb || '{\"b\":2}'",
        "select '[1,2]'::jsonb || '[3]'::jsonb",
        "select '{\"a\":1,\"b\":2}'::jsonb - 'a'",
        "select '{\"a\":1}'::jsonb = '{\"a\": 1}'",
        "select '{\"a\":1}'::jsonb < '{\"a\":2}'::jsonb",
        "select '{\"a\":1}'::jsonb::text",
        "select '{\"a\":1}'::json::jsonb",
        "select '{\"a\":1}'::jsonb::json",
        "select '12'::jsonb::int",
        "select j -> 'a' from docs where id = 2",
        "select j ->> 'a' from docs where j @> '{\"a\": 1}'",
        "select count(*) from docs where j -> 'b' is not null",
        "select t -> 1 from docs where id = 2",
        "select j from docs where j = '{\"a\":2,\"b\":{\"c\":null}}'",
        "select coalesce(j, '{}') from docs where id = 3",
        "select case when id = 3 then '[]' else j end from docs where id = 3",
        "select '{\"a\":1,\"b\":2}'::jsonb ? 'b'",
        "select '[\"a\",\"b\"]'::jsonb ? 'c'",
        "select '{\"a\":1,\"b\":2}'::jsonb ?| array['x','b']",
        "select '{\"a\":1,\"b\":2}'::jsonb ?& array['a','x']",
        "select '{\"a\":}'::jsonb",
        "select '{\"a\":1'::json"), "Europe/Berlin");
  }

  @Test
  void functionsMatchPostgres() throws Exception {
    EngineVsPostgres.assertSame(pg, s, List.of(
        "select jsonb_build_object('b', 1, 'a', array[1,2])",
        "select json_build_object('b', 1, 'a', 'x')",
        "select jsonb_build_array(1, 'a', null, true)",
        "select jsonb_typeof('[1]')",
        "select json_typeof('{\"a\":1}'::json -> 'a')",
        "select jsonb_array_length('[1,2,3]')",
        "select to_jsonb('a\"b'::text)",
        "select to_json(123)",
        "select json_agg(j) from docs where id < 3",
        "select jsonb_typeof(j -> 'tags') from docs where id = 1",
        "select jsonb_typeof(j -> 'tags' -> 0) from docs where id = 1",
        "select jsonb_set('{\"a\":[1,2]}', '{a,1}', '\"x\"')",
        "select jsonb_set('{\"a\":[1,2]}', '{a,9}', '3')",
        "select jsonb_set('{\"a\":1}', '{b}', '2', false)",
        "select jsonb_set('{\"a\":[1,2]}', '{a,x}', '3')",
        "select jsonb_set('1', '{a}', '3')",
        "select jsonb_insert('{\"a\":[1,2]}', '{a,0}', '0')",
        "select jsonb_insert('{\"a\":[1,2]}', '{a,0}', '0', true)",
        "select jsonb_insert('{\"a\":1}', '{a}', '0')",
        "select '{\"a\":{\"b\":1,\"c\":2}}'::jsonb #- '{a,b}'",
        "select '[1,2,3]'::jsonb #- '{-1}'",
        "select '1'::jsonb #- '{a}'",
        "select '[\"a\",\"b\",\"c\"]'::jsonb - 1",
        "select '{\"a\":1}'::jsonb - 0",
        "select '{\"a\":1,\"b\":2,\"c\":3}'::jsonb - '{b,c}'::text[]",
        "select jsonb_contains('{\"a\":1,\"b\":2}', '{\"a\":1}')",
        "select jsonb_exists_any('{\"a\":1}', array['x','a'])",
        "select '[\"c\"]' || '[\"a\"]'::jsonb",
        "select jsonb_strip_nulls('{\"a\":null,\"b\":[null,{\"c\":null}]}')",
        "select replace(jsonb_pretty('{\"a\":[1,{\"b\":{}}],\"c\":[]}'), chr(10), '|')",
        "select j = '{\"a\":2,\"b\":{\"c\":null}}' from docs where id = 2",
        "select j = '{\"a\":2,\"b\":{\"c\":null}}'::jsonb from docs where id = 2",
        "select count(*) from docs where j = '{\"a\":2,\"b\":{\"c\":null}}'::jsonb",
        "select jsonb_extract_path('{\"a\":{\"b\":[5,6]}}', 'a', 'b', '1')",
        "select jsonb_extract_path_text('{\"a\":{\"b\":\"x\"}}', 'a', 'b')",
        "select jsonb_object_agg(id, j) from docs",
        "select json_object_agg(id, id * 2) from docs"), "Europe/Berlin");
  }
}
