package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The statement path never blocks an event loop: the node runs under Vert.x's blocked-thread
 * checker at {@value #MAX_LOOP_MILLIS} ms (default 2 s; lower flakes on a machine loaded 10x
 * over its cores), and every event the checker raises
 * for an event-loop thread while pgjdbc runs the pgbench workloads (autocommit reads and
 * writes, simple and server-prepared, literal-varying texts, export transactions,
 * multi-statement queries) fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NothingBlocksEventLoopTest {

  static final long MAX_LOOP_MILLIS = 200;

  private final List<BlockedThreadEvent> blocked = new CopyOnWriteArrayList<>();
  private Path dir;
  private SnapsyncFixture node;

  /** A Vert.x whose checker reports every event-loop task over the threshold to {@code to}. */
  static Vertx strictVertx(java.util.function.Consumer<BlockedThreadEvent> to) {
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(MAX_LOOP_MILLIS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(e -> {
      if (e.thread().getName().contains("eventloop")) {
        to.accept(e);
      }
    });
    return vertx;
  }

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("pgwire-blocked");
    Vertx vertx = strictVertx(blocked::add);
    node = SnapsyncFixture.start(dir.resolve("node"), new PgWireOptions("127.0.0.1", 0,
        PgWireOptions.SCRAM, 1 << 20), vertx);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theCheckerSeesALoopBlockedLongerThanTheThreshold() throws Exception {
    java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
    Vertx vertx = strictVertx(e -> seen.countDown());
    try {
      vertx.runOnContext(v -> {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4 * MAX_LOOP_MILLIS);
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      });
      assertTrue(seen.await(30, TimeUnit.SECONDS), "the checker did not report the blocked loop");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void pgbenchWorkloadsNeverBlockAnEventLoop() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port()
        + "/snapsync", SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE kv (k int PRIMARY KEY, v int)");
      for (int i = 1; i <= 50; i++) {
        st.executeUpdate("INSERT INTO kv VALUES (" + i + ", 0)");
      }
      long sum = 0;
      for (int i = 1; i <= 50; i++) {
        st.executeUpdate("UPDATE kv SET v = " + i + " WHERE k = " + i);
        try (ResultSet rs = st.executeQuery("SELECT v FROM kv WHERE k = " + i)) {
          rs.next();
          sum += rs.getInt(1);
        }
      }
      assertEquals(50 * 51 / 2, sum);
      try (PreparedStatement ps = c.prepareStatement("SELECT v FROM kv WHERE k = ?")) {
        for (int i = 1; i <= 50; i++) {
          ps.setInt(1, i);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(i, rs.getInt(1));
          }
        }
      }
      for (int i = 0; i < 20; i++) {
        st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot(); COMMIT");
        st.execute("SELECT 1; SELECT 2");
      }
    }
    assertTrue(blocked.isEmpty(), () -> "event loop blocked: " + blocked);
  }
}
