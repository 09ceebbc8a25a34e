package io.snapsync.core.sql.explain;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXPLAIN and EXPLAIN ANALYZE print the plan tree in PostgreSQL's text shape. */
class ExplainTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, a int, b text)");
    exec(s, "INSERT INTO t SELECT g, g % 10, 'b' || g FROM generate_series(1, 200) g");
    exec(s, "CREATE INDEX t_a_idx ON t (a)");
    exec(s, "CREATE TABLE u (id int PRIMARY KEY, t_id int)");
    exec(s, "ANALYZE t");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static String plan(String sql) {
    StatementResult r = exec(s, sql);
    assertEquals("QUERY PLAN", r.columns().get(0).name());
    return r.rows().stream().map(x -> (String) x.get(0)).collect(Collectors.joining("\n"));
  }

  @Test
  void indexLookupShowsIndexScanAndItsCondition() {
    assertEquals("Index Scan using t_a_idx on t\n  Index Cond: (a = 5)",
        plan("EXPLAIN (COSTS OFF) SELECT id, b FROM t WHERE a = 5"));
    assertEquals("Index Only Scan using t_a_idx on t\n  Index Cond: (a = 5)",
        plan("EXPLAIN (COSTS OFF) SELECT a FROM t WHERE a = 5"));
  }

  @Test
  void otherReadsShowSeqScanFilterAndPrimaryKeyScans() {
    assertEquals("Seq Scan on t\n  Filter: (b = 'x'::text)",
        plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE b = 'x'"));
    assertEquals("Index Scan using t_pkey on t\n  Index Cond: (id = 3)",
        plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id = 3"));
    assertEquals("Seq Scan on t", plan("EXPLAIN (COSTS OFF) SELECT * FROM t"));
  }

  @Test
  void orderByLimitOverAnIndexIsALimitOverAnIndexScan() {
    assertEquals("Limit\n  ->  Index Scan using t_a_idx on t",
        plan("EXPLAIN (COSTS OFF) SELECT id FROM t ORDER BY a LIMIT 3"));
  }

  @Test
  void joinsIndentTheirInputs() {
    String p = plan("EXPLAIN (COSTS OFF) SELECT * FROM t JOIN u ON t.id = u.t_id");
    assertEquals(List.of("Hash Inner Join", "  ->  Seq Scan on t", "  ->  Seq Scan on u"),
        List.of(p.split("\n")), p);
  }

  @Test
  void costsShowEstimatedRowsFromStatistics() {
    String p = plan("EXPLAIN SELECT * FROM t");
    assertTrue(p.matches("Seq Scan on t  \\(cost=0\\.00\\.\\.[0-9.]+ rows=200 width=\\d+\\)"), p);
    p = plan("EXPLAIN SELECT id FROM t WHERE a = 5");
    assertTrue(p.startsWith("Index Scan using t_a_idx on t  (cost=0.00.."), p);
    assertTrue(p.contains(" rows=20 "), p);
  }

  @Test
  void analyzeRunsTheQueryAndShowsActualRows() {
    String p = plan("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM t WHERE a = 5");
    List<String> lines = List.of(p.split("\n"));
    assertEquals("Index Scan using t_a_idx on t (actual rows=20 loops=1)", lines.get(0), p);
    assertEquals("  Index Cond: (a = 5)", lines.get(1));
    assertTrue(lines.get(2).matches("Planning Time: [0-9.]+ ms"), p);
    assertTrue(lines.get(3).matches("Execution Time: [0-9.]+ ms"), p);
    p = plan("EXPLAIN ANALYZE SELECT count(*) FROM t");
    assertTrue(p.split("\n")[0].matches(
        "HashAggregate  \\(cost=.*\\) \\(actual time=[0-9.]+\\.\\.[0-9.]+ rows=1 loops=1\\)"), p);
    assertTrue(p.split("\n")[1].matches(
        "  ->  Seq Scan on t  \\(cost=.*\\) \\(actual time=.* rows=200 loops=1\\)"), p);
  }

  @Test
  void badOptionsAndStatementsFailAsPostgres() {
    assertEquals("unrecognized EXPLAIN option \"nope\"",
        EngineFixture.fails(s, "EXPLAIN (nope) SELECT 1", "42601").getMessage());
    EngineFixture.fails(s, "EXPLAIN (FORMAT JSON) SELECT 1", "0A000");
    EngineFixture.fails(s, "EXPLAIN SELECT * FROM missing", "42P01");
  }
}
