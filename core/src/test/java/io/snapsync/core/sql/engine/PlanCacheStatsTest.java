package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ANALYZE changes the statistics plans were chosen by, so cached plans are made again. */
class PlanCacheStatsTest {

  @TempDir
  Path dir;

  @Test
  void analyzeInvalidatesCachedPlans() {
    try (EngineFixture fx = EngineFixture.start(dir)) {
      Session s = fx.session();
      exec(s, "CREATE TABLE st (id int PRIMARY KEY, a int); INSERT INTO st VALUES (1, 1)");
      PlanCache cache = new PlanCache();
      PreparedQuery q = new PreparedQuery(List.of(), List.of(), new int[0], null, null, Map.of());
      cache.put("SELECT a FROM st WHERE a = $1", q);
      assertSame(q, cache.get("SELECT a FROM st WHERE a = $1"));
      exec(s, "ANALYZE st");
      assertNull(cache.get("SELECT a FROM st WHERE a = $1"));
    }
  }
}
