package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordered-set aggregates with {@code WITHIN GROUP (ORDER BY ...)}: percentile_cont and
 * percentile_disc (one fraction or an array of them), mode, and the hypothetical-set rank,
 * dense_rank, percent_rank and cume_dist give PostgreSQL 15's values, per group, with FILTER,
 * over empty input, and its errors (42883 for a wrong signature, 22003 for a fraction outside
 * [0, 1]).
 */
class OrderedSetAggregatesVsPostgresTest {

  @TempDir
  Path dir;

  private static final List<String> SETUP = List.of(
      "create table os (g int, v int, t text, f float8)",
      "insert into os values (1, 10, 'a', 1.5), (1, 20, 'b', 2.5), (1, 30, 'b', null), "
          + "(2, 5, 'c', 0.5), (2, null, 'c', 9), (1, 40, 'a', 3), (3, 7, null, 7)");

  @Test
  void orderedSetAggregatesMatchPostgres() throws Exception {
    PgRowsSideBySide.assertSame(dir, SETUP, List.of(
        "select percentile_cont(0.5) within group (order by v) from os",
        "select g, percentile_cont(0.25) within group (order by v), "
            + "percentile_disc(0.5) within group (order by v desc) from os group by g order by g",
        "select percentile_disc(array[0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) within group "
            + "(order by v) from os",
        "select percentile_cont(array[0, 0.25, 0.5, 0.75, 1]) within group (order by f) from os",
        "select percentile_disc(array[[null, 1, 0.5], [0.75, 0.25, null]]) within group "
            + "(order by v) from os",
        "select percentile_disc(0.5) within group (order by t) from os",
        "select mode() within group (order by t) from os",
        "select g, mode() within group (order by t desc) from os group by g order by g",
        "select rank(20) within group (order by v), dense_rank(20) within group (order by v), "
            + "percent_rank(20) within group (order by v), cume_dist(20) within group "
            + "(order by v) from os",
        "select rank(3, 'b') within group (order by g, t desc) from os",
        "select rank(30) within group (order by v desc nulls last), "
            + "dense_rank(null::int) within group (order by v) from os",
        "select percentile_disc(0.5) within group (order by t) filter (where g = 1) from os",
        "select rank(1) within group (order by x), percent_rank(1) within group (order by x), "
            + "cume_dist(1) within group (order by x) from (values (1)) v(x) where false",
        "select percentile_cont(0.5) within group (order by v), mode() within group "
            + "(order by v) from os where false",
        "select p, percentile_cont(p) within group (order by x::float8) "
            + "from generate_series(1, 5) x, (values (0::float8), (0.1), (0.25), (0.4), (0.5), "
            + "(0.6), (0.75), (0.9), (1)) v(p) group by p order by p",
        "select percentile_cont(1.5) within group (order by v) from os",
        "select percentile_cont(0.5) from os",
        "select percentile_cont(0.5) within group (order by t) from os",
        "select rank(1, 2) within group (order by v) from os",
        "select mode(v) within group (order by v) from os"));
  }
}
