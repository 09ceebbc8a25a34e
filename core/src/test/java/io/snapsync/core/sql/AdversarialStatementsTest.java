package io.snapsync.core.sql;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements built to make a parser backtrack or recurse (issue: one {@code SELECT (((} froze
 * every PostgreSQL-protocol client) end with a clear error, are parsed off the event loop, and
 * are covered by cancel and statement_timeout.
 */
class AdversarialStatementsTest {

  /**
   * Balanced but invalid: the shape on which a backtracking grammar is exponential (JSqlParser
   * took minutes on it; the project's grammar, which now parses DDL too, is linear).
   */
  static final String SLOW = "CREATE TABLE slow (a int DEFAULT " + "(".repeat(40) + "1 +"
      + ")".repeat(40) + ")";

  @TempDir
  static Path dir;
  static EngineFixture e;
  static Session s;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
    s = e.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, v text)");
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @Test
  void unclosedParenthesesAreASyntaxErrorAtEndOfInput() {
    for (int depth : new int[] {3, 10, 100}) {
      String sql = "SELECT " + "(".repeat(depth);
      SnapsyncException x = fails(s, sql, "42601");
      assertEquals("syntax error at end of input", x.getMessage());
      assertEquals(sql.length() + 1, x.position());
    }
    SnapsyncException x = fails(s, "SELECT v FROM t WHERE (id = 1))", "42601");
    assertEquals("syntax error at or near \")\"", x.getMessage());
    assertEquals(31, x.position());
    assertEquals(1, value(s, "SELECT 1"));
  }

  @Test
  void nestingDeeperThanTheLimitIsStackDepthLimitExceeded() {
    for (String sql : List.of("SELECT " + "(".repeat(201) + "1" + ")".repeat(201),
        "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000), "SELECT " + "(".repeat(10_000),
        "SELECT v FROM t WHERE " + "(".repeat(10_000) + "id = 1" + ")".repeat(10_000))) {
      SnapsyncException x = fails(s, sql, "54001");
      assertEquals("stack depth limit exceeded", x.getMessage());
      assertTrue(e.render(x.hint()).contains("max_stack_depth"), e.render(x.hint()));
    }
    try {
      exec(s, "SELECT v FROM t WHERE " + "(".repeat(20) + "id = 1" + ")".repeat(20));
    } catch (SnapsyncException x) {
      assertNotEquals("54001", x.sqlState(), "nesting within the limit is not too deep");
    }
  }

  @Test
  void aTenThousandTermConjunctionNeverFailsWithAJavaError() {
    String sql = "SELECT v FROM t WHERE " + "id = 1 AND ".repeat(10_000) + "id = 1";
    try {
      exec(s, sql);
    } catch (SnapsyncException x) {
      assertNotEquals("XX000", x.sqlState(), x.getMessage());
      assertFalse(x.getMessage().contains("java"), x.getMessage());
    }
    assertEquals(1, value(s, "SELECT 1"));
  }

  @Test
  void aBalancedButInvalidQueryIsAnOrdinarySyntaxError() {
    // quickly, with a position (PostgreSQL points at the first ")", the engine at "+")
    SnapsyncException x = fails(s, "SELECT " + "(".repeat(40) + "1 +" + ")".repeat(40), "42601");
    assertTrue(x.position() > 40, "position " + x.position());
  }

  @Test
  void aStatementThatWouldBacktrackForeverIsAnOrdinarySyntaxError() {
    SnapsyncException x = fails(s, SLOW, "42601");
    assertEquals("syntax error at or near \")\"", x.getMessage());
    assertEquals(1, value(s, "SELECT 1"));
  }

  @Test
  void parsingDoesNotHoldTheCallersThreadSoOtherSessionsRunMeanwhile() {
    Session other = e.session();
    // both sessions are driven from one event loop; a parse on it would block the other
    io.vertx.core.Context loop = e.vertx.getOrCreateContext();
    Future<List<StatementResult>> slow = onLoop(loop, () -> s.execute(SLOW));
    for (int i = 0; i < 20; i++) {
      List<StatementResult> r = await(onLoop(loop, () -> other.execute("SELECT 1")));
      assertEquals(1, r.get(0).rows().get(0).get(0));
    }
    SnapsyncException x = assertThrows(SnapsyncException.class, () -> await(slow));
    assertEquals("42601", x.sqlState());
    await(other.close());
  }

  @Test
  void cancelStopsAParse() {
    Future<List<StatementResult>> slow = s.execute(SLOW + " ");
    s.cancel();
    SnapsyncException x = assertThrows(SnapsyncException.class, () -> await(slow));
    assertEquals("57014", x.sqlState());
    assertEquals("canceling statement due to user request", x.getMessage());
    assertEquals(1, value(s, "SELECT 1"));
  }

  /** Starts {@code work} on the event loop of {@code loop}; returns its future. */
  private static <T> Future<T> onLoop(io.vertx.core.Context loop,
      java.util.function.Supplier<Future<T>> work) {
    io.vertx.core.Promise<Future<T>> started = io.vertx.core.Promise.promise();
    loop.runOnContext(v -> started.complete(work.get()));
    return await(started.future());
  }
}
