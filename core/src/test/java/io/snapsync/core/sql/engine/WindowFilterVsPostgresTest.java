package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregate {@code FILTER (WHERE ...)} and {@code DISTINCT}: in window aggregates (over a
 * partition, a running frame, the whole input; count(*) too) and in grouped aggregates with
 * HAVING, as PostgreSQL 15 computes them.
 */
class WindowFilterVsPostgresTest {

  @TempDir
  Path dir;

  private static final List<String> SETUP = List.of(
      "create table fd (g int, v int)",
      "insert into fd values (1, 1), (1, 1), (1, 2), (2, 3), (2, null)");

  @Test
  void filteredAggregatesMatchPostgres() throws Exception {
    PgRowsSideBySide.assertSame(dir, SETUP, List.of(
        "select g, v, sum(v) filter (where v > 1) over (partition by g) from fd order by 1, 2",
        "select g, v, count(*) filter (where v > 1) over (order by g, v) as c, "
            + "avg(v) filter (where g = 1) over () from fd order by 1, 2",
        "select g, v, max(v) filter (where v < 3) over (partition by g order by v), "
            + "string_agg(v::text, ',') filter (where v <> 2) over (partition by g) "
            + "from fd order by 1, 2",
        "select g, count(distinct v) filter (where v < 3), sum(distinct v) from fd "
            + "group by g order by g",
        "select array_agg(distinct v) filter (where v is not null) from fd",
        "select count(*) filter (where g = 1) as c1 from fd "
            + "having count(*) filter (where g = 2) > 1"));
  }
}
