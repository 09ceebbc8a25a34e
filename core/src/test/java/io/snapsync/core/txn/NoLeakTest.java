package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported and imported snapshots release their pins however their transactions end. */
class NoLeakTest {

  @TempDir
  Path dir;

  @Test
  void everyWayOfEndingReleasesPinsAndVersionsAreReclaimed() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session w = e.session();
      exec(w, "CREATE TABLE t (id int PRIMARY KEY, n int)");
      exec(w, "INSERT INTO t VALUES (1, 0), (2, 0), (3, 0)");
      List<Session> exporters = new ArrayList<>();
      List<Session> importers = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        Session x = e.session();
        exec(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
        String id = (String) value(x, "SELECT pg_export_snapshot()");
        Session imp = e.session();
        exec(imp, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT '" + id
            + "'");
        exporters.add(x);
        importers.add(imp);
        exec(w, "UPDATE t SET n = " + (i + 1));
      }
      assertEquals(9, e.db.snapshots().size());
      assertTrue(e.store.stats().liveSnapshots() >= 18);
      for (int i = 0; i < 9; i++) {
        Session x = exporters.get(i);
        Session imp = importers.get(i);
        switch (i % 3) {
          case 0 -> {
            exec(x, "COMMIT");
            exec(imp, "COMMIT");
          }
          case 1 -> {
            fails(x, "SELECT * FROM nosuch", "42P01");
            exec(x, "ROLLBACK");
            fails(imp, "SELECT * FROM nosuch", "42P01");
            exec(imp, "COMMIT");
          }
          default -> {
            await(x.close());
            await(imp.close());
          }
        }
      }
      assertEquals(0, e.db.snapshots().size());
      assertEquals(0, e.store.stats().liveSnapshots());
      assertTrue(e.store.reclaim() > 0);
      assertEquals(0, e.store.stats().versionsPendingReclaim());
      assertEquals(9L, value(w, "SELECT n FROM t WHERE id = 1") instanceof Integer n ? 9L : -1L);
      assertEquals(9L, value(w, "SELECT count(*) FROM snapshot_log WHERE event = 'release'"));
    }
  }
}
