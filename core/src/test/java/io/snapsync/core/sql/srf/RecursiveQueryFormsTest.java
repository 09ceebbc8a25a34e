package io.snapsync.core.sql.srf;

import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The forms of WITH RECURSIVE PostgreSQL refuses get its errors, never a statement that hangs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecursiveQueryFormsTest {

  @TempDir
  static Path dir;
  private EngineFixture fx;
  private Session s;

  @BeforeAll
  void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @Test
  void aRecursiveReferenceInsideASubqueryIsRefused() {
    fails(s, "WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x"
        + " WHERE n IN (SELECT * FROM x)) SELECT * FROM x", "42P19");
  }

  @Test
  void orderByLimitAndOffsetInARecursiveQueryAreNotImplementedAsInPostgres() {
    assertEquals("ORDER BY in a recursive query is not implemented", text(fails(s,
        "WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x ORDER BY 1)"
        + " SELECT * FROM x", "0A000")));
    assertEquals("OFFSET in a recursive query is not implemented", text(fails(s,
        "WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x LIMIT 10 OFFSET 1)"
        + " SELECT * FROM x", "0A000")));
  }

  @Test
  void anAggregateInTheRecursiveTermIsRefusedAsInPostgres() {
    // over the work table these would feed themselves one row per step for ever
    for (String agg : new String[] {"count(*)", "sum(n)", "max(n)"}) {
      assertEquals("aggregate functions are not allowed in a recursive query's recursive term",
          text(fails(s, "WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT " + agg
              + " FROM x) SELECT * FROM x", "42P19")));
    }
  }

  @Test
  void aDirectRecursiveReferenceStillRuns() {
    assertEquals(55L, ((Number) EngineFixture.value(s, "WITH RECURSIVE x(n) AS (SELECT 1"
        + " UNION ALL SELECT n+1 FROM x WHERE n < 10) SELECT sum(n) FROM x")).longValue());
  }
}
