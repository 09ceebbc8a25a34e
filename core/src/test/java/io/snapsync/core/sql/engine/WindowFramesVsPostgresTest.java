package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window frames as PostgreSQL 15 computes them: RANGE with offsets over integers, numerics,
 * floats, dates and timestamps (ASC, DESC, NULLs), EXCLUDE CURRENT ROW / GROUP / TIES,
 * {@code nth_value}, frames ignored by {@code lag}/{@code lead}/{@code rank}, windowed
 * {@code var_samp}/{@code stddev}, and the frame errors. Each window's values are aggregated
 * in a fixed order so that peers in any order give the same text.
 */
class WindowFramesVsPostgresTest {

  @TempDir
  Path dir;

  private static String agg(String window, String order) {
    return "select string_agg(coalesce(w::text, 'null'), ',' order by " + order + ") from "
        + "(select *, " + window + " w from emp) x";
  }

  @Test
  void windowFramesMatchPostgres() throws Exception {
    PgSideBySide.assertSame(dir, List.of(
        "create table emp (depname text, empno int, salary int, enroll_date date)",
        "insert into emp values ('develop', 10, 5200, '2007-08-01'), ('sales', 1, 5000, "
            + "'2006-10-01'), ('personnel', 5, 3500, '2007-12-10'), ('sales', 4, 4800, "
            + "'2007-08-08'), ('personnel', 2, 3900, '2006-12-23'), ('develop', 7, 4200, "
            + "'2008-01-01'), ('develop', 9, 4500, '2008-01-01'), ('sales', 3, 4800, "
            + "'2007-08-01'), ('develop', 8, 6000, '2006-10-01'), ('develop', 11, 5200, "
            + "'2007-08-15'), ('sales', 12, null, null)",
        agg("sum(salary) over (order by salary range between 1000 preceding and 1000 "
            + "following)", "empno"),
        agg("sum(salary) over (order by salary desc range between 1000 preceding and 500 "
            + "following)", "empno"),
        agg("sum(salary) over (order by salary nulls first range between 300 preceding and "
            + "current row)", "empno"),
        agg("count(*) over (order by salary range between 2000 preceding and 1000 preceding)",
            "empno"),
        agg("count(*) over (order by salary range between 1000 following and unbounded "
            + "following)", "empno"),
        agg("sum(salary) over (partition by depname order by salary range between 500 "
            + "preceding and 500 following)", "empno"),
        agg("sum(salary) over (order by enroll_date range between '1 year'::interval "
            + "preceding and '1 year'::interval following)", "empno"),
        agg("sum(salary) over (order by enroll_date desc range between '6 mons'::interval "
            + "preceding and current row)", "empno"),
        agg("sum(salary) over (order by enroll_date range between '1 year'::interval "
            + "preceding and '1 year'::interval following exclude current row)", "empno"),
        agg("sum(salary) over (order by enroll_date range between '1 year'::interval "
            + "preceding and '1 year'::interval following exclude group)", "empno"),
        agg("sum(salary) over (order by enroll_date range between '1 year'::interval "
            + "preceding and '1 year'::interval following exclude ties)", "empno"),
        agg("sum(salary) over (order by empno rows between 1 preceding and 1 following "
            + "exclude current row)", "empno"),
        agg("min(salary) over (order by salary rows between unbounded preceding and current "
            + "row exclude group)", "empno"),
        agg("nth_value(empno, 2) over (order by empno rows between 1 preceding and 2 "
            + "following)", "empno"),
        agg("nth_value(empno, 3) over (order by empno)", "empno"),
        agg("lag(salary) over (order by empno range between 1000 preceding and 1000 "
            + "following)", "empno"),
        agg("rank() over (order by salary rows between 1 preceding and current row)", "empno"),
        agg("round(var_samp(salary) over (order by empno rows between current row and "
            + "unbounded following), 4)", "empno"),
        agg("round(stddev_pop(salary::numeric) over (partition by depname), 4)", "empno"),
        "select string_agg(w::text, ',' order by x) from (select x, sum(x) over (order by x "
            + "range between 1.5 preceding and 0.5 following) w from (values (1.0), (2.1), "
            + "(2.5), (4.0)) v(x)) y",
        "select string_agg(w::text, ',' order by x) from (select x, sum(x) over (order by x "
            + "range between 1.5 preceding and 0.5 following) w from (values (1.0::float8), "
            + "(2.1), (2.5), (4.0)) v(x)) y",
        "select string_agg(w::text, ',' order by x) from (select x, count(*) over (order by x "
            + "range between '1 hour'::interval preceding and current row) w from (values "
            + "(timestamp '2020-01-01 10:00'), (timestamp '2020-01-01 10:30'), "
            + "(timestamp '2020-01-01 12:00')) v(x)) y",
        "select string_agg(w::text, ',' order by x) from (select x, sum(x) over (order by x "
            + "range between 2147483647 preceding and 2147483647 following) w from "
            + "(values (2147483647), (1)) v(x)) y",
        "select sum(x) over (order by x range between -1 preceding and current row) "
            + "from generate_series(1,3) x",
        "select nth_value(x, 0) over (order by x) from generate_series(1,3) x"));
  }
}
