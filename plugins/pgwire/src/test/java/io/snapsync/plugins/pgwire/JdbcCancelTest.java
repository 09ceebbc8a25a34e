package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** pgjdbc's Statement.cancel() (a CancelRequest) interrupts a statement waiting for a lock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcCancelTest {

  private SnapsyncFixture node;
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-cancel"), PgWireOptions.SCRAM);
  }

  @AfterAll
  void stop() {
    runner.shutdownNow();
    if (node != null) {
      node.close();
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", SnapsyncFixture.ADMIN);
    p.setProperty("password", SnapsyncFixture.ADMIN_PASSWORD);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + node.port() + "/snapsync", p);
  }

  @Test
  void cancelEndsARowLockWaitWith57014AndTheConnectionStaysUsable() throws Exception {
    try (Connection holder = connect(); Connection waiter = connect()) {
      try (Statement s = holder.createStatement()) {
        s.execute("DROP TABLE IF EXISTS cacc");
        s.execute("CREATE TABLE cacc (id int PRIMARY KEY, bal int)");
        s.execute("INSERT INTO cacc VALUES (1, 100), (2, 100)");
      }
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        assertEquals(1, s.executeUpdate("UPDATE cacc SET bal = 1 WHERE id = 1"));
      }
      waiter.setAutoCommit(false);
      try (Statement w = waiter.createStatement()) {
        assertEquals(1, w.executeUpdate("UPDATE cacc SET bal = 5 WHERE id = 2"));
        CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
          try {
            return w.executeUpdate("UPDATE cacc SET bal = 2 WHERE id = 1");
          } catch (SQLException e) {
            throw new CompletionException(e);
          }
        }, runner);
        // the holder keeps its lock, so only a cancel ends the wait; pgjdbc sends a
        // CancelRequest only while the statement is in flight, so retry until it lands
        for (int i = 0; i < 400 && !blocked.isDone(); i++) {
          w.cancel();
          try {
            blocked.get(50, TimeUnit.MILLISECONDS);
          } catch (TimeoutException | ExecutionException e) {
            // not cancelled yet, or done (checked below)
          }
        }
        ExecutionException x = assertThrows(ExecutionException.class, blocked::get);
        Throwable cause = x.getCause() instanceof CompletionException c ? c.getCause()
            : x.getCause();
        SQLException sql = assertInstanceOf(SQLException.class, cause);
        assertEquals("57014", sql.getSQLState());
        assertTrue(sql.getMessage().contains("canceling statement due to user request"),
            sql.getMessage());
        SQLException aborted = assertThrows(SQLException.class,
            () -> w.executeQuery("SELECT 1"));
        assertEquals("25P02", aborted.getSQLState());
        waiter.rollback();
        holder.commit();
        waiter.setAutoCommit(true);
        try (ResultSet rs = w.executeQuery("SELECT bal FROM cacc WHERE id = 2")) {
          assertTrue(rs.next());
          assertEquals(100, rs.getInt(1));
        }
        assertEquals(1, w.executeUpdate("UPDATE cacc SET bal = 3 WHERE id = 1"));
        try (ResultSet rs = w.executeQuery("SELECT bal FROM cacc WHERE id = 1")) {
          assertTrue(rs.next());
          assertEquals(3, rs.getInt(1));
        }
      }
    }
  }
}
