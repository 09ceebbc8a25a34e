package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GROUP BY GROUPING SETS / ROLLUP / CUBE}, mixed with plain keys, the empty set
 * {@code ()}, {@code grouping(...)} in the select list, HAVING and ORDER BY give PostgreSQL 15's
 * rows: keys outside a row's set are NULL, an empty set gives its row also for empty input,
 * repeated sets repeat their rows.
 */
class GroupingSetsVsPostgresTest {

  @TempDir
  Path dir;

  private static final List<String> SETUP = List.of(
      "create table gs (a int, b text, v int)",
      "insert into gs values (1, 'x', 10), (1, 'y', 20), (2, 'x', 30), (2, null, 40), "
          + "(null, 'z', 50), (1, 'x', 5)");

  @Test
  void groupingSetsMatchPostgres() throws Exception {
    PgRowsSideBySide.assertSame(dir, SETUP, List.of(
        "select a, b, sum(v) from gs group by rollup(a, b) order by grouping(a, b), a, b",
        "select a, b, grouping(a, b), sum(v), count(*) from gs group by cube(a, b) "
            + "order by 3, 1, 2",
        "select a, count(*) from gs group by grouping sets ((a), ()) order by grouping(a), a",
        "select a, b, count(*) from gs group by grouping sets (a, b) order by a, b",
        "select a, b, count(*) from gs group by a, rollup(b) order by a, grouping(b), b",
        "select a, b, sum(v) from gs group by rollup(a, b) having sum(v) > 30 "
            + "order by grouping(a, b), a, b",
        "select a, grouping(a) from gs group by a order by a",
        "select a, count(*) from gs group by grouping sets (a, a) order by a, 2",
        "select count(*) from gs where false group by grouping sets ((), (a))",
        "select count(*), sum(v) from gs group by ()",
        "select a, count(*) from gs where false group by rollup(a)",
        "select a + 1 as a1, max(v) from gs group by rollup(a + 1) order by 1",
        "select grouping(a), grouping(b), a, b, min(v) from gs group by cube(a, b) "
            + "having grouping(a) = 1 order by 1, 2, 4",
        "select a, b, count(distinct v), count(*) filter (where v > 15) from gs "
            + "group by rollup(a, b) order by grouping(a, b), a, b",
        "select a, count(*) from gs group by grouping sets ((a, b), (a)) "
            + "order by grouping(b), a, count(*)"));
  }
}
