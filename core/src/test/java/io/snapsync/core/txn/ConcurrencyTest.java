package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded concurrency: writers move amounts between accounts (REPEATABLE READ, retrying on
 * 40001 and 40P01) while REPEATABLE READ readers check the total never changes.
 */
class ConcurrencyTest {

  static final int ACCOUNTS = 10;
  static final int WRITERS = 4;
  static final int TRANSFERS = 40;
  static final int READERS = 2;
  static final int READS = 40;

  @TempDir
  Path dir;

  @Test
  void transfersKeepTheTotalForSnapshotReaders() throws Exception {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session setup = e.session();
      exec(setup, "CREATE TABLE acc (id int PRIMARY KEY, bal bigint)");
      StringBuilder sb = new StringBuilder("INSERT INTO acc VALUES ");
      for (int i = 0; i < ACCOUNTS; i++) {
        sb.append(i == 0 ? "" : ",").append('(').append(i).append(", 1000)");
      }
      exec(setup, sb.toString());
      long total = 1000L * ACCOUNTS;
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
      AtomicInteger retries = new AtomicInteger();
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int seed = w;
        jobs.add(pool.submit(() -> {
          Session s = e.session();
          java.util.Random rnd = new java.util.Random(seed);
          for (int k = 0; k < TRANSFERS; k++) {
            int from = rnd.nextInt(ACCOUNTS);
            int to = (from + 1 + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            while (true) {
              try {
                exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
                long a = ((Number) value(s, "SELECT bal FROM acc WHERE id = " + from))
                    .longValue();
                long b = ((Number) value(s, "SELECT bal FROM acc WHERE id = " + to))
                    .longValue();
                exec(s, "UPDATE acc SET bal = " + (a - 7) + " WHERE id = " + from);
                exec(s, "UPDATE acc SET bal = " + (b + 7) + " WHERE id = " + to);
                exec(s, "COMMIT");
                break;
              } catch (SnapsyncException x) {
                assertTrue(Set.of("40001", "40P01").contains(x.sqlState()), x.getMessage());
                retries.incrementAndGet();
                exec(s, "ROLLBACK");
              }
            }
          }
          await(s.close());
          return null;
        }));
      }
      for (int r = 0; r < READERS; r++) {
        jobs.add(pool.submit(() -> {
          Session s = e.session();
          for (int k = 0; k < READS; k++) {
            exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            long sum = 0;
            for (List<Object> row : exec(s, "SELECT bal FROM acc").rows()) {
              sum += (Long) row.get(0);
            }
            assertEquals(total, sum);
            exec(s, "COMMIT");
          }
          await(s.close());
          return null;
        }));
      }
      for (Future<?> j : jobs) {
        j.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      long sum = 0;
      for (List<Object> row : exec(setup, "SELECT bal FROM acc").rows()) {
        sum += (Long) row.get(0);
      }
      assertEquals(total, sum);
      assertEquals(0, e.store.stats().liveSnapshots());
    }
  }
}
