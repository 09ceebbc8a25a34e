package io.snapsync.core.session.impl;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write, an autocommit write with its commit, and a query calling a registered function
 * that is ready at once (pg_export_snapshot) each take one worker hop; BEGIN, SET TRANSACTION
 * and the end of a read-only block take none. Each is measured five
 * times and the fewest hops counted, so a background task (reclaim) cannot make it flaky.
 */
class OneHopTest {

  @TempDir
  static Path dir;
  static EngineFixture e;
  static Session s;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
    s = e.session();
    exec(s, "CREATE TABLE kv (k int PRIMARY KEY, v int)");
    exec(s, "INSERT INTO kv VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0)");
  }

  @AfterAll
  static void stop() {
    await(s.close());
    e.close();
  }

  private static long fewestHops(Supplier<Object> statement) {
    long fewest = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long before = e.db.dispatched();
      statement.get();
      fewest = Math.min(fewest, e.db.dispatched() - before);
    }
    return fewest;
  }

  @Test
  void anAutocommitUpdateTakesOneHopWithItsCommit() {
    int[] k = {0};
    long hops = fewestHops(() -> exec(s, "UPDATE kv SET v = v + 1 WHERE k = " + (1 + k[0]++ % 6)));
    assertEquals(1, hops);
    assertEquals(List.of(List.of(1)), exec(s, "SELECT v FROM kv WHERE k = 1").rows());
    int[] n = {100};
    assertEquals(1, fewestHops(() -> exec(s, "INSERT INTO kv VALUES (" + n[0]++ + ", 7)")));
    assertEquals(1, fewestHops(() -> exec(s, "DELETE FROM kv WHERE k = " + --n[0])));
  }

  @Test
  void anExportInABlockTakesOneHop() {
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    try {
      assertEquals(1, fewestHops(() -> exec(s, "SELECT pg_export_snapshot()")));
      assertEquals(1, fewestHops(() -> exec(s, "UPDATE kv SET v = 5 WHERE k = 2")));
    } finally {
      exec(s, "COMMIT");
    }
    assertEquals(List.of(List.of(5)), exec(s, "SELECT v FROM kv WHERE k = 2").rows());
  }

  @Test
  void aReadOnlyBlockEndsWithoutAHop() {
    // BEGIN, SET TRANSACTION and a read-only COMMIT or ROLLBACK run at once: only the query hops
    assertEquals(1, fewestHops(() -> {
      exec(s, "BEGIN");
      exec(s, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      exec(s, "SELECT v FROM kv WHERE k = 3");
      return exec(s, "COMMIT");
    }));
    assertEquals(1, fewestHops(() -> {
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      exec(s, "SELECT v FROM kv WHERE k = 3");
      return exec(s, "ROLLBACK");
    }));
  }

  @Test
  void aWriteCommitHopsAndAnExportCommitLogsItsReleaseLater() {
    // the export and the (unawaited) write of its release to the snapshot log
    assertEquals(2, fewestHops(() -> {
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      exec(s, "SELECT pg_export_snapshot()");
      return exec(s, "COMMIT");
    }));
    String id = String.valueOf(exec(s, "SELECT id FROM snapshot_log ORDER BY seq DESC LIMIT 1")
        .rows().get(0).get(0));
    assertEquals(List.of(List.of("export"), List.of("release")), exec(s,
        "SELECT event FROM snapshot_log WHERE id = '" + id + "' ORDER BY seq").rows());
    assertEquals(2, fewestHops(() -> {
      exec(s, "BEGIN");
      exec(s, "UPDATE kv SET v = 9 WHERE k = 4");
      return exec(s, "COMMIT");
    }));
    assertEquals(List.of(List.of(9)), exec(s, "SELECT v FROM kv WHERE k = 4").rows());
  }
}
