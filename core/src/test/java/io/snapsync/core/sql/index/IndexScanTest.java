package io.snapsync.core.sql.index;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index scans give the rows a full scan gives, under every snapshot, and read O(matches) keys
 * of a large table instead of the table (counted by the store's RocksDB statistics).
 */
class IndexScanTest {

  static final int ROWS = 20_000;

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, a int, b text, c int)");
    exec(s, "INSERT INTO t VALUES (1, 10, 'x', 1), (2, 20, 'y', 2), (3, NULL, 'z', 3),"
        + " (4, 20, 'w', 4), (5, 30, NULL, 5), (6, -5, 'x', 6)");
    exec(s, "CREATE INDEX t_a_idx ON t (a); CREATE INDEX t_b_a_idx ON t (b, a DESC)");
    exec(s, "CREATE INDEX t_c_desc ON t (c DESC NULLS LAST)");
    exec(s, "CREATE TABLE big (id int PRIMARY KEY, a int, pad text)");
    exec(s, "INSERT INTO big SELECT g, g % 1000, 'padding padding padding ' || g"
        + " FROM generate_series(1, " + ROWS + ") g");
    exec(s, "CREATE TABLE big2 (id int PRIMARY KEY, a int, pad text)");
    exec(s, "INSERT INTO big2 SELECT * FROM big");
    exec(s, "CREATE INDEX big_a_idx ON big (a)");
    exec(s, "ANALYZE");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static List<List<Object>> rows(String sql) {
    return exec(s, sql).rows();
  }

  static List<Object> ids(String sql) {
    return rows(sql).stream().map(r -> (Object) ((Number) r.get(0)).intValue()).toList();
  }

  @Test
  void equalityAndRangesFindTheRowsAFullScanFinds() {
    assertEquals(List.of(2, 4), ids("SELECT id FROM t WHERE a = 20 ORDER BY id"));
    assertEquals(List.of(2, 4, 5), ids("SELECT id FROM t WHERE a >= 20 ORDER BY id"));
    assertEquals(List.of(1, 6), ids("SELECT id FROM t WHERE a < 20 ORDER BY id"));
    assertEquals(List.of(1, 2, 4), ids("SELECT id FROM t WHERE a BETWEEN 10 AND 20 ORDER BY id"));
    assertEquals(List.of(), ids("SELECT id FROM t WHERE a = NULL"));
    assertEquals(List.of(1, 6), ids("SELECT id FROM t WHERE b = 'x' ORDER BY id"));
    assertEquals(List.of(6), ids("SELECT id FROM t WHERE b = 'x' AND a < 0"));
    assertEquals(List.of(1), ids("SELECT id FROM t WHERE b = 'x' AND a > 0"));
    assertEquals(List.of(4, 5, 6), ids("SELECT id FROM t WHERE c > 3 ORDER BY id"));
    assertEquals(List.of(1, 2), ids("SELECT id FROM t WHERE c <= 2 ORDER BY id"));
    assertEquals(List.of(2, 3), ids("SELECT id FROM t WHERE c BETWEEN 2 AND 3 ORDER BY id"));
  }

  @Test
  void orderByWithLimitReadsTheIndexInOrder() {
    assertEquals(List.of(6, 5), ids("SELECT id FROM t ORDER BY c DESC NULLS LAST LIMIT 2"));
    assertEquals(List.of(3, 2), ids("SELECT id FROM t WHERE c < 4 ORDER BY c DESC NULLS LAST"
        + " LIMIT 2"));
    long[] ordered = reads("SELECT id FROM big ORDER BY a LIMIT 5");
    assertEquals(List.of(1000, 2000, 3000, 4000, 5000),
        ids("SELECT id FROM big ORDER BY a LIMIT 5"));
    assertTrue(ordered[0] <= 20, "keys read by ORDER BY a LIMIT 5: " + ordered[0]);
  }

  @Test
  void indexOnlyScansReturnTheIndexedColumns() {
    assertEquals(List.of(Arrays.asList(20), Arrays.asList(20)),
        rows("SELECT a FROM t WHERE a = 20").stream()
            .map(r -> Arrays.<Object>asList(((Number) r.get(0)).intValue())).toList());
    assertEquals(2L, ((Number) rows("SELECT count(*) FROM t WHERE a = 20").get(0).get(0))
        .longValue());
  }

  @Test
  void indexScansFollowUpdatesAndDeletes() {
    exec(s, "CREATE TABLE m (id int PRIMARY KEY, a int); CREATE INDEX ON m (a)");
    exec(s, "INSERT INTO m VALUES (1, 1), (2, 2)");
    exec(s, "UPDATE m SET a = 5 WHERE id = 1");
    assertEquals(List.of(), ids("SELECT id FROM m WHERE a = 1"));
    assertEquals(List.of(1), ids("SELECT id FROM m WHERE a = 5"));
    exec(s, "DELETE FROM m WHERE a = 5");
    assertEquals(List.of(), ids("SELECT id FROM m WHERE a = 5"));
    exec(s, "UPDATE m SET id = 20 WHERE id = 2");
    assertEquals(List.of(20), ids("SELECT id FROM m WHERE a = 2"));
    exec(s, "CREATE TABLE h (a int, b text); CREATE INDEX ON h (a)");
    exec(s, "INSERT INTO h VALUES (1, 'one'), (2, 'two'), (1, 'uno')");
    exec(s, "UPDATE h SET b = 'eins' WHERE a = 1 AND b = 'one'");
    exec(s, "DELETE FROM h WHERE a = 2");
    assertEquals(List.of(List.of("eins"), List.of("uno")),
        rows("SELECT b FROM h WHERE a = 1 ORDER BY b"));
    assertEquals(List.of(), rows("SELECT b FROM h WHERE a = 2"));
  }

  @Test
  void anOldSnapshotReadsTheIndexAsItWas() {
    exec(s, "CREATE TABLE snap (id int PRIMARY KEY, a int); CREATE INDEX ON snap (a)");
    exec(s, "INSERT INTO snap VALUES (1, 5)");
    Session old = fx.session();
    exec(old, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1 FROM snap");
    exec(s, "UPDATE snap SET a = 6 WHERE id = 1; INSERT INTO snap VALUES (2, 5)");
    assertEquals(List.of(List.of(1)), rows(old, "SELECT id FROM snap WHERE a = 5"));
    assertEquals(List.of(), rows(old, "SELECT id FROM snap WHERE a = 6"));
    exec(old, "COMMIT");
    assertEquals(List.of(List.of(2)), rows(old, "SELECT id FROM snap WHERE a = 5"));
    assertEquals(List.of(List.of(1)), rows(old, "SELECT id FROM snap WHERE a = 6"));
  }

  private static List<List<Object>> rows(Session on, String sql) {
    return exec(on, sql).rows().stream()
        .map(r -> List.<Object>of(((Number) r.get(0)).intValue())).toList();
  }

  @Test
  void lookupByIndexedColumnReadsTheMatchesNotTheTable() {
    long[] indexed = reads("SELECT id, pad FROM big WHERE a = 7");
    long[] full = reads("SELECT id, pad FROM big2 WHERE a = 7");
    assertEquals(ROWS / 1000, exec(s, "SELECT id, pad FROM big WHERE a = 7").rows().size());
    // 20 matches: 20 entries scanned plus 20 rows read by key, against every row of the table
    assertTrue(indexed[0] <= 2 * (ROWS / 1000) + 5, "keys read by the lookup: " + indexed[0]);
    assertTrue(indexed[1] * 50 < full[1], "bytes read by index lookup " + indexed[1]
        + " vs full scan " + full[1]);
  }

  /** Keys read by point reads and bytes read by iterators while {@code sql} runs. */
  private static long[] reads(String sql) {
    exec(s, sql);
    Map<String, Long> before = fx.store.stats().rocksdb();
    exec(s, sql);
    Map<String, Long> after = fx.store.stats().rocksdb();
    return new long[] {after.get("keys_read") - before.get("keys_read"),
        after.get("iter_bytes_read") - before.get("iter_bytes_read")};
  }
}
