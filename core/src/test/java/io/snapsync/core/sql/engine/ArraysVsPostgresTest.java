package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Array constructors, subscripts, slices, operators and functions answer as PostgreSQL 15. */
class ArraysVsPostgresTest {

  @TempDir
  Path dir;

  @Test
  void arrayExpressionsMatchPostgres() throws Exception {
    PgSideBySide.assertSame(dir, List.of(
        "select ARRAY[ARRAY['hello'],ARRAY['world']]",
        "select '{{1,2,3},{4,5,6},{7,8,9}}'::int[]",
        "select '{1,null,3}'::int[]",
        "select '{}'::text[]",
        "select '{ { \",\" } , { 3 } }'::text[]",
        "select array_agg(x) from (values (3), (1), (2)) v(x)",
        "select ARRAY[[1,2],[3,4]]",
        "select ARRAY[[[[[['hello'],['world']]]]]]",
        "select array[[1,2],[3]]",
        "select array_length(array[[1,2,3], [4,5,6]], 2)",
        "select ARRAY[[1,2],[3,4]] || ARRAY[5,6]",
        "select ARRAY[1,2] || 3",
        "select 0 || ARRAY[1,2] || 3",
        "select (ARRAY[[1,2],[3,4]])[2][1]",
        "select (ARRAY[[1,2],[3,4]])[2]",
        "select (ARRAY[1,2,3])[5]",
        "select ('{{1,2,3},{4,5,6},{7,8,9}}'::int[])[1:2][2]",
        "select ('{{{1},{2},{3}},{{4},{5},{6}}}'::int[])[1][NULL][1]",
        "select (ARRAY[1,2,3,4,5])[2:]",
        "select (ARRAY[1,2,3,4,5])[:3]",
        "select (ARRAY[1,2,3,4,5])[:]",
        "select (ARRAY[1,2,3,4,5])[4:2]",
        "create table arr (id int primary key, a int[], t text[])",
        "insert into arr values (1, '{1,2,3}', '{x,y}'), (2, '{4,5}', null)",
        "select a[2] from arr where id = 1",
        "select string_agg(a[1]::text, ',' order by id) from arr where a[2] is not null",
        "select a[1:2] from arr where id = 1",
        "select count(*) from arr where a @> '{2}'",
        "select count(*) from arr where a && '{5,9}'",
        "select count(*) from arr where a <@ '{1,2,3,4}'",
        "select count(*) from arr where a = '{4,5}'",
        "select array_remove(array[1,NULL,NULL,3], NULL)",
        "select array_replace(array[1,2,5,4],5,NULL)",
        "select array_positions(ARRAY[1,2,3,NULL,5,6,1,2,3,NULL,5,6], NULL)",
        "select array_positions(NULL, 10)",
        "select 33.4 = any (array[1,2,3])",
        "select 33 = any ('{1,2,33}')",
        "select 33 = all ('{1,2,33}')",
        "select null::int >= all ('{}')",
        "select 33 = any ('{1,null,3}')",
        "select 33 = all ('{33,null,33}')",
        "update arr set a[2] = 22 where id = 1",
        "select a from arr where id = 1",
        "update arr set a[5] = 5, t[1] = 'z' where id = 1",
        "select array_to_string(a, ',', '*') || array_to_string(t, ',') from arr where id = 1",
        "update arr set a[1:2] = '{7,8}' where id = 2",
        "select a from arr where id = 2",
        "update arr set t[1] = 'w' where id = 2",
        "select t from arr where id = 2",
        "select ARRAY[[1,2],[3,4]] = '{{1,2},{3,4}}'",
        "select CAST('1.49' AS numeric) < 1.5",
        "select 1.5 > CAST('1.49' AS numeric)",
        "select CAST('1.49' AS numeric) = 1.49",
        "select 2 < 2.5",
        "select CAST('1.49' AS numeric)",
        "select 'foo' like any (array['%a', '%o'])",
        "select 'foo' like all (array['f%', '%b'])",
        "select 'foo' not like any (array['%a', '%b'])",
        "select 'foo' ilike all (array['F%', '%O'])",
        "select array_agg(x order by x desc) from (values (3), (1), (2)) v(x)",
        "select string_agg(x, '-' order by y, x desc) from (values ('a', 2), ('b', 1), ('c', 2)) v(x, y)"
    ));
  }
}
