package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SELECT DISTINCT ON (...)} gives PostgreSQL 15's rows: the first row of each group in
 * ORDER BY order, DISTINCT ON items missing from ORDER BY sorted after it, ordinals and aliases,
 * with GROUP BY, in a sub-query, LIMIT; and its 42P10 errors with their positions.
 */
class DistinctOnVsPostgresTest {

  @TempDir
  Path dir;

  private static final List<String> SETUP = List.of(
      "create table emp (dep text, name text, salary int, born date)",
      "insert into emp values ('dev', 'ann', 5200, '1990-01-01'), ('dev', 'bob', 4200, "
          + "'1985-05-05'), ('dev', 'cid', 6000, '1992-02-02'), ('ops', 'dan', 3500, "
          + "'1980-03-03'), ('ops', 'eve', 3900, '1999-09-09'), ('hr', 'fay', null, "
          + "'1970-07-07'), ('hr', 'gus', 4800, null), (null, 'hal', 100, '2000-01-01')");

  @Test
  void distinctOnMatchesPostgres() throws Exception {
    PgRowsSideBySide.assertSame(dir, SETUP, List.of(
        "select distinct on (dep) dep, name, salary from emp order by dep, salary desc",
        "select distinct on (dep) dep, name from emp order by dep, name",
        "select distinct on (dep) * from emp order by dep, born",
        "select distinct on (dep) dep, name from emp order by dep desc, salary nulls first",
        "select distinct on (1) dep, name from emp order by 1, 2 desc",
        "select distinct on (d) dep as d, name from emp order by d, name desc",
        "select distinct on (dep, salary > 4000) dep, salary > 4000 as rich, name from emp "
            + "order by salary > 4000, dep, name",
        "select distinct on (dep) dep, count(*) from emp group by dep, name order by dep",
        "select distinct on (dep) dep from emp",
        "select distinct on (dep, name) dep, name from emp order by dep",
        "select * from (select distinct on (dep) dep, name from emp order by dep, name desc) s "
            + "order by name",
        "select distinct on (dep) dep, name from emp order by dep, name limit 2 offset 1",
        "select distinct on (emp.dep) dep, name from emp order by dep, name desc",
        "select distinct on (dep) dep, name from emp where salary > 4000 order by dep, name",
        "select distinct on (upper(dep)) upper(dep), name from emp order by upper(dep), name",
        "select distinct on (dep) dep, name from emp order by name",
        "select distinct on (dep, name) dep, name from emp order by salary, dep",
        "select distinct on (3) dep, name from emp order by 1",
        "select distinct on (dep) dep, name from emp order by dep, name"));
  }
}
