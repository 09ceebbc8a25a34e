package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.snapsync.core.error.SnapsyncException;
import org.junit.jupiter.api.Test;

class ErrorsTest extends EngineTestBase {

  @Test
  void syntaxErrorsNameTheTokenAndPosition() {
    SnapsyncException e = fails("SELECT 1 +", "42601");
    assertEquals("syntax error at end of input", text(e));
    e = fails("SELECT 1 FROM FROM t", "42601");
    assertEquals("syntax error at or near \"FROM\"", text(e));
    assertEquals(15, e.position()); // PostgreSQL's position
  }

  @Test
  void unknownNames() {
    SnapsyncException e = fails("SELECT * FROM nope", "42P01");
    assertEquals("relation \"nope\" does not exist", text(e));
    assertEquals(15, e.position());
    e = fails("SELECT nope FROM t", "42703");
    assertEquals("column \"nope\" does not exist", text(e));
    e = fails("SELECT id FROM t, u", "42702");
    assertEquals("column reference \"id\" is ambiguous", text(e));
  }

  @Test
  void unknownFunctionIs42883WithHint() {
    SnapsyncException e = fails("SELECT no_such_fn(1)", "42883");
    assertEquals("function no_such_fn(integer) does not exist", text(e));
    assertEquals("No function matches the given name and argument types. You might need to add"
        + " explicit type casts.", fx.render(e.hint()));
  }

  @Test
  void orderByOrdinalOutOfRangeIs42P10() {
    fails("SELECT id FROM t ORDER BY 5", "42P10");
  }

  @Test
  void noCalciteTextReachesTheClient() {
    for (String sql : new String[] {"SELECT id FROM t GROUP BY ROLLUP(id)",
        "SELECT 1 + 'a'", "SELECT * FROM t WHERE n"}) {
      try {
        EngineFixture2.run(s, sql);
      } catch (SnapsyncException e) {
        assertFalse(text(e).contains("Calcite") || text(e).contains("org.apache")
            || text(e).contains("Exception"), text(e));
      }
    }
  }

  /** Runs a statement, letting its exception through. */
  static final class EngineFixture2 {
    static void run(io.snapsync.core.session.Session s, String sql) {
      io.snapsync.core.sql.EngineFixture.await(s.execute(sql));
    }
  }
}
