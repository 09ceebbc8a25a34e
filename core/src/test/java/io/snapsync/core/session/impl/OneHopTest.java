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
 * that is ready at once (pg_export_snapshot) each take one worker hop. Each is measured five
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
}
