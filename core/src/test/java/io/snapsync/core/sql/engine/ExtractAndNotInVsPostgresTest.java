package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EXTRACT(field FROM x)} over date, timestamp, timestamptz and interval, and
 * {@code NOT IN (SELECT ...)} (planned through Calcite's {@code LITERAL_AGG}), answer as
 * PostgreSQL 15, errors included.
 */
class ExtractAndNotInVsPostgresTest {

  @TempDir
  Path dir;

  @Test
  void extractAndNotInMatchPostgres() throws Exception {
    PgSideBySide.assertSame(dir, List.of(
        "select extract(year from date '2020-03-04')",
        "select extract(epoch from date '1970-01-02')",
        "select extract(century from date '0101-12-31 BC')",
        "select extract(millennium from date '2001-01-01')",
        "select extract(decade from date '0010-01-01')",
        "select extract(hour from date '2020-01-01')",
        "select extract(dow from date '2020-01-01')",
        "select extract(isodow from date '2020-01-05')",
        "select extract(julian from date '2020-01-01')",
        "select extract(year from timestamp '2020-03-04 10:00')",
        "select extract(epoch from timestamp '2020-03-04 10:00:01.5')",
        "select extract(second from timestamp '2020-03-04 10:00:01.5')",
        "select extract(century from interval '100 y')",
        "select extract(decade from interval '-99 y')",
        "select extract(hour from interval '100 h')",
        "select extract(microseconds from interval '1.5 s')",
        "select extract(epoch from interval '1 month')",
        "select extract(timezone from timestamptz '2020-01-01 00:00+02')",
        "select extract(week from interval '1 y')",
        "select extract(fortnight from date '2020-01-01')",
        "select date_part('year', date '2020-03-04')",
        "create table nio (a int, b int)",
        "insert into nio values (1, 1), (2, null), (3, 3)",
        "create table nii (b int)",
        "insert into nii values (1), (4)",
        "select string_agg(a::text, ',' order by a) from nio where a not in (select b from nii)",
        "select string_agg(a::text, ',' order by a) from nio where b not in (select b from nii)",
        "select string_agg((a not in (select b from nii where b < 3))::text, ',' order by a) "
            + "from nio",
        "insert into nii values (null)",
        "select count(*) from nio where a not in (select b from nii)"));
  }
}
