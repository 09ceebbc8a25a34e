package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row comparisons ({@code (a, b) < (c, d)} and the other orderings, NULL fields included),
 * {@code (a, b) IS [NOT] NULL}, and {@code isfinite} of infinite dates answer as PostgreSQL 15.
 */
class RowComparisonsVsPostgresTest {

  @TempDir
  Path dir;

  @Test
  void rowComparisonsMatchPostgres() throws Exception {
    PgSideBySide.assertSame(dir, List.of(
        "select (1, 2) < (1, 3)",
        "select (1, 2) <= (1, 2)",
        "select (1, 2) > (1, 3)",
        "select (2, 1) >= (1, 3)",
        "select (1, null) < (1, 2)",
        "select (1, null) < (2, 2)",
        "select (null, 1) < (2, 2)",
        "select (2, null) < (1, 5)",
        "select (1, 'b', 3) < (1, 'b', 4)",
        "select (null, null) is null",
        "select (1, null) is null",
        "select (1, null) is not null",
        "select (1, 2) is not null",
        "select count(*) from generate_series(1, 5) x where (x, x * 2) > (2, 3)",
        "select isfinite('infinity'::date)",
        "select isfinite('-infinity'::timestamp)",
        "select isfinite(date '2020-01-01')"));
  }
}
