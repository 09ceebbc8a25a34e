package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window frames in GROUPS mode give PostgreSQL 15's values: offsets counting peer groups
 * before and after, CURRENT ROW and UNBOUNDED bounds, partitions, EXCLUDE, a named window,
 * frames past the partition's ends; and its errors (no ORDER BY, negative or NULL
 * offsets).
 */
class WindowGroupsVsPostgresTest {

  @TempDir
  Path dir;

  private static final List<String> SETUP = List.of(
      "create table g (id int, four int, ten int, v int)",
      "insert into g select i, i % 4, i % 3, i * 10 from generate_series(0, 11) i",
      "insert into g values (12, null, 1, 5), (13, null, 2, 7)");

  private static String q(String frame) {
    return "select id, sum(v) over (order by four " + frame + ") from g order by id";
  }

  @Test
  void groupsFramesMatchPostgres() throws Exception {
    PgRowsSideBySide.assertSame(dir, SETUP, List.of(
        q("groups between unbounded preceding and current row"),
        q("groups between unbounded preceding and unbounded following"),
        q("groups between current row and unbounded following"),
        q("groups between 1 preceding and unbounded following"),
        q("groups between 1 following and unbounded following"),
        q("groups between unbounded preceding and 2 following"),
        q("groups between 2 preceding and 1 preceding"),
        q("groups between 2 preceding and 1 following"),
        q("groups between 0 preceding and 0 following"),
        q("groups between 1 following and 3 following"),
        q("groups 1 preceding"),
        q("groups between 2 preceding and 1 following exclude current row"),
        q("groups between 2 preceding and 1 following exclude group"),
        q("groups between 2 preceding and 1 following exclude ties"),
        "select id, sum(v) over (partition by ten order by four groups between 0 preceding "
            + "and 0 following exclude ties) from g order by id",
        "select id, count(*) over (order by four desc nulls last groups between 1 preceding "
            + "and 1 following) from g order by id",
        "select id, min(v) over w, max(v) over w, count(v) over w from g "
            + "window w as (order by four groups between 1 preceding and 1 following) "
            + "order by id"));
  }

  @Test
  void groupsErrorsMatchPostgres() throws Exception {
    PgSideBySide.assertSame(dir, List.of(
        "create table g (id int, four int)",
        "insert into g values (1, 1), (2, 2)",
        "select sum(id) over (groups between 1 preceding and 1 following) from g",
        "select sum(id) over (order by four groups between -1 preceding and 1 following) from g",
        "select sum(id) over (order by four groups between 1 preceding and -1 following) from g",
        "select sum(id) over (order by four groups between null preceding and 1 following) "
            + "from g"));
  }
}
