package io.snapsync.core.stats;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pg_stat_user_tables and pg_stat_user_indexes against a known workload: each statement's
 * scans and rows counted exactly, writes by kind, live rows and versions pending reclaim from
 * the store.
 */
class ObjectStatsTest {

  @TempDir
  Path dir;

  private static final String TABLE = "SELECT seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, "
      + "n_tup_ins, n_tup_upd, n_tup_del, n_live_tup, n_dead_tup, stored_bytes "
      + "FROM pg_stat_user_tables WHERE relname = 'ot'";

  private static List<Object> row(Session s, String sql) {
    return exec(s, sql).rows().get(0);
  }

  private static long at(List<Object> r, int i) {
    return ((Number) r.get(i)).longValue();
  }

  @Test
  void countsEveryScanAndWriteOfAKnownWorkload() {
    try (EngineFixture fx = EngineFixture.start(dir)) {
      Session s = fx.session();
      exec(s, "CREATE TABLE ot (id int PRIMARY KEY, a int, b text)");
      exec(s, "CREATE INDEX ot_a ON ot (a)");
      exec(s, "CREATE TABLE plain (v int)");
      List<Object> r = row(s, TABLE);
      assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), r.subList(0, 9));

      // 10 rows through the constant INSERT path, 10 through the engine
      StringBuilder values = new StringBuilder("INSERT INTO ot VALUES ");
      for (int i = 1; i <= 10; i++) {
        values.append(i == 1 ? "" : ", ").append("(").append(i).append(", ").append(i)
            .append(", 'x')");
      }
      exec(s, values.toString());
      exec(s, "INSERT INTO ot SELECT g, g, 'x' FROM generate_series(11, 20) g");
      r = row(s, TABLE);
      assertEquals(20L, at(r, 4));
      assertEquals(20L, at(r, 7));
      assertEquals(0L, at(r, 8));

      // a sequential scan reads all 20 rows
      List<Object> before = row(s, TABLE);
      assertEquals(20L, exec(s, "SELECT count(*) FROM ot WHERE b = 'x'").rows().get(0).get(0));
      r = row(s, TABLE);
      assertEquals(1L, at(r, 0) - at(before, 0));
      assertEquals(20L, at(r, 1) - at(before, 1));

      // a primary-key lookup is one scan of ot_pkey fetching one row
      before = row(s, TABLE);
      exec(s, "SELECT b FROM ot WHERE id = 3");
      r = row(s, TABLE);
      assertEquals(0L, at(r, 0) - at(before, 0));
      assertEquals(1L, at(r, 2) - at(before, 2));
      assertEquals(1L, at(r, 3) - at(before, 3));

      // five updates and one delete: six more versions and a tombstone pending reclaim
      exec(s, "UPDATE ot SET b = 'y' WHERE id <= 5");
      exec(s, "DELETE FROM ot WHERE id = 20");
      r = row(s, TABLE);
      assertEquals(20L, at(r, 4));
      assertEquals(5L, at(r, 5));
      assertEquals(1L, at(r, 6));
      assertEquals(19L, at(r, 7));
      assertEquals(7L, at(r, 8));
      assertTrue(at(r, 9) > 0);

      // a table without indexes has no index counters, as in PostgreSQL
      List<Object> p = row(s, "SELECT idx_scan, idx_tup_fetch, n_live_tup FROM "
          + "pg_stat_user_tables WHERE relname = 'plain'");
      assertNull(p.get(0));
      assertNull(p.get(1));
      assertEquals(0L, p.get(2));

      // the secondary index: a scan through it reads and fetches its rows
      List<Object> ib = row(s, "SELECT idx_scan, idx_tup_read, idx_tup_fetch FROM "
          + "pg_stat_user_indexes WHERE indexrelname = 'ot_a'");
      String plan = exec(s, "EXPLAIN SELECT b FROM ot WHERE a = 7").rows().toString();
      exec(s, "SELECT b FROM ot WHERE a = 7");
      List<Object> ia = row(s, "SELECT idx_scan, idx_tup_read, idx_tup_fetch, stored_bytes "
          + "FROM pg_stat_user_indexes WHERE indexrelname = 'ot_a'");
      assertTrue(plan.contains("ot_a"), plan);
      assertEquals(1L, at(ia, 0) - at(ib, 0));
      assertEquals(1L, at(ia, 1) - at(ib, 1));
      assertEquals(1L, at(ia, 2) - at(ib, 2));
      assertTrue(at(ia, 3) > 0);
      assertEquals(List.of("ot_a", "ot_pkey"), exec(s, "SELECT indexrelname FROM "
          + "pg_stat_user_indexes WHERE relname = 'ot' ORDER BY indexrelname").rows().stream()
          .map(x -> x.get(0)).toList());
    }
  }
}
