package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionsTest extends EngineTestBase {

  @Test
  void threeValuedLogic() {
    assertEquals(List.of(row(null, false, true, null)),
        rows("SELECT NULL AND true, NULL AND false, NULL OR true, NOT (NULL::boolean)"));
    assertEquals(List.of(row(3)), rows("SELECT id FROM t WHERE n IS NULL"));
    assertEquals(List.of(row(true, false)),
        rows("SELECT NULL IS NOT DISTINCT FROM NULL, 1 IS DISTINCT FROM 2 - 1"));
  }

  @Test
  void caseCoalesceNullifGreatestLeast() {
    assertEquals(List.of(row("ten"), row("other"), row("none"), row("other")),
        rows("SELECT CASE WHEN n = 10 THEN 'ten' WHEN n IS NULL THEN 'none' ELSE 'other' END"
            + " FROM t ORDER BY id"));
    assertEquals(List.of(row(0, null, 5, 1)),
        rows("SELECT coalesce(NULL, 0), nullif(1, 1), greatest(1, CAST(NULL AS int), 5),"
            + " least(3, 1, CAST(NULL AS int))"));
  }

  @Test
  void betweenInLikeAndCasts() {
    assertEquals(List.of(row(2), row(3)), rows("SELECT id FROM t WHERE id BETWEEN 2 AND 3 ORDER BY id"));
    assertEquals(List.of(row(1), row(4)), rows("SELECT id FROM t WHERE id NOT IN (2, 3) ORDER BY id"));
    assertEquals(List.of(row(1)), rows("SELECT id FROM t WHERE name LIKE 'a%'"));
    assertEquals(List.of(row(2)), rows("SELECT id FROM t WHERE name ILIKE 'B'"));
    assertEquals(1, value(s, "SELECT '1'::int"));
    assertEquals(7L, value(s, "SELECT CAST(7 AS bigint)"));
  }

  @Test
  void arithmeticErrors() {
    fails("SELECT 1 / 0", "22012");
    fails("SELECT 2147483647 + 1", "22003");
    fails("SELECT 'x'::int", "22P02");
  }

  @Test
  void parametersAndPointLookups() {
    assertEquals(List.of(row("b")), io.snapsync.core.sql.EngineFixture.await(
        s.execute("SELECT name FROM t WHERE id = $1", List.of(2))).rows());
    assertEquals(List.of(row(3), row(4)), io.snapsync.core.sql.EngineFixture.await(
        s.execute("SELECT id FROM t WHERE id >= $1 ORDER BY id", List.of("3"))).rows());
  }

  @Test
  void registeredFunctionsStillWork() {
    assertEquals("read committed", value(s, "SELECT current_setting('default_transaction_isolation')"));
  }
}
