package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The critical defect: {@code psql -c 'SELECT ((('} froze every PostgreSQL-protocol client
 * (the parse ran on the connections' event loop and backtracked exponentially). Now the bad
 * statement fails at once, a statement that is slow to parse runs on a worker while other
 * clients are served, and a CancelRequest stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdversarialQueryTest {

  /**
   * Balanced but invalid: a backtracking grammar's worst case (JSqlParser took minutes on it);
   * the project's grammar, which parses DDL too, answers it with an ordinary syntax error.
   */
  static final String SLOW = "CREATE TABLE slow (a int DEFAULT " + "(".repeat(40) + "1 +"
      + ")".repeat(40) + ")";

  private SnapsyncFixture node;
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-adversarial"),
        PgWireOptions.SCRAM);
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
    p.setProperty("user", SnapsyncFixture.USER);
    p.setProperty("password", SnapsyncFixture.USER_PASSWORD);
    p.setProperty("preferQueryMode", "simple");
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + node.port() + "/snapsync", p);
  }

  @Test
  void psqlGetsASyntaxErrorForUnclosedParenthesesAndTheNextQueryRuns() throws Exception {
    try (Psql psql = new Psql(node.port(), SnapsyncFixture.USER, SnapsyncFixture.USER_PASSWORD,
        "snapsync", Map.of())) {
      // psql holds back a ';' inside open parentheses; \g sends the buffer as psql -c would
      List<String> out = psql.run("SELECT (((\n\\g");
      assertTrue(out.stream().anyMatch(l -> l.contains("42601")
          && l.contains("syntax error at end of input")), String.join("\n", out));
      assertEquals(List.of("?column?", "1", "(1 row)"), psql.run("SELECT 1;"));
      out = psql.run("SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + ";");
      assertTrue(out.stream().anyMatch(l -> l.contains("54001")
          && l.contains("stack depth limit exceeded")), String.join("\n", out));
    }
  }

  @Test
  void otherClientsAreServedWhileAStatementIsParsed() throws Exception {
    try (Connection slow = connect(); Connection other = connect();
        Statement s = slow.createStatement(); Statement o = other.createStatement()) {
      CompletableFuture<Void> parsing = runAsync(s, SLOW);
      for (int i = 0; i < 20; i++) {
        try (ResultSet rs = o.executeQuery("SELECT 1")) {
          assertTrue(rs.next());
          assertEquals(1, rs.getInt(1));
        }
      }
      SQLException e = failure(parsing);
      assertEquals("42601", e.getSQLState());
      try (ResultSet rs = s.executeQuery("SELECT 2")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
      }
    }
  }

  @Test
  void aCancelRequestStopsAParse() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      CompletableFuture<Void> parsing = runAsync(s, SLOW + " ");
      // cancel until the statement ends: a CancelRequest that arrives before the query is a
      // no-op, as in PostgreSQL
      while (!parsing.isDone()) {
        s.cancel();
        try {
          parsing.get(20, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | ExecutionException ignored) {
          // still running, or done (checked below)
        }
      }
      SQLException e = failure(parsing);
      // the parse is quick now: the cancel stops it, or comes after its syntax error
      assertTrue(List.of("57014", "42601").contains(e.getSQLState()), e.getMessage());
      try (ResultSet rs = s.executeQuery("SELECT 3")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
      }
    }
  }

  private CompletableFuture<Void> runAsync(Statement s, String sql) {
    return CompletableFuture.runAsync(() -> {
      try {
        s.execute(sql);
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    }, runner);
  }

  private static SQLException failure(CompletableFuture<Void> f) {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> f.get(30, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof SQLException, String.valueOf(e.getCause()));
    return (SQLException) e.getCause();
  }
}
