package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Set-returning functions over array literals whose elements the validator coerces (a NULL
 * element, mixed integer and decimal elements) give PostgreSQL 15's rows, in the select list
 * and in FROM (they failed in Calcite's conversion before).
 */
class ArrayLiteralSrfVsPostgresTest {

  @TempDir
  Path dir;

  @Test
  void unnestOverCoercedArrayLiteralsMatchesPostgres() throws Exception {
    PgRowsSideBySide.assertSame(dir, List.of(), List.of(
        "select unnest(array[1, null, -3])",
        "select * from unnest(array[1, null, -3])",
        "select unnest(array[1,2,3,4.5]::float8[])",
        "select unnest(array[1,2,3,null,4,null,null,5,6]::text[])",
        "select count(*) from unnest(array[null, 1, 2])",
        "select unnest(array[1, null, -3]) * 2"));
  }
}
