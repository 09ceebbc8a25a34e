package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.parse.LiteralHoister;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Queries that differ only in literals share the plan of their literal-hoisted text, and give
 * exactly what the unhoisted statement gives: values, column names and types, also where the
 * output type comes from a literal.
 */
class LiteralPlansTest extends EngineTestBase {

  private static QueryEngine engine() {
    return fx.db.executor().queries();
  }

  @Test
  void pointSelectsWithDifferentKeysShareOnePlan() {
    exec(s, "CREATE TABLE lp (id int PRIMARY KEY, v text)");
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      values.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'v").append(i)
          .append("')");
    }
    exec(s, "INSERT INTO lp VALUES " + values);
    exec(s, "SELECT v FROM lp WHERE id = 1");
    exec(s, "SELECT v FROM lp WHERE id = 2");
    int plans = engine().cachedPlans();
    for (int i = 3; i <= 40; i++) {
      StatementResult r = exec(s, "SELECT v FROM lp WHERE id = " + i);
      assertEquals(List.of(new Column("v", DataType.TEXT)), r.columns());
      assertEquals(List.of(List.of("v" + i)), r.rows());
    }
    assertEquals(plans, engine().cachedPlans(), "a point select per key was planned again");
    assertEquals(List.of(), exec(s, "SELECT v FROM lp WHERE id = 4000000000").rows());
  }

  @Test
  void literalTypedOutputsAreThoseOfTheUnhoistedStatement() {
    for (int round = 0; round < 3; round++) {
      int k = 7 + round;
      StatementResult one = exec(s, "SELECT " + k);
      assertEquals(List.of(new Column("?column?", DataType.INT4)), one.columns());
      assertEquals(List.of(List.of(k)), one.rows());
      StatementResult a = exec(s, "SELECT 'a" + round + "'");
      assertEquals(List.of(new Column("?column?", DataType.TEXT)), a.columns());
      assertEquals(List.of(List.of("a" + round)), a.rows());
      StatementResult dec = exec(s, "SELECT " + round + ".0");
      assertEquals(DataType.NUMERIC, dec.columns().get(0).type());
      assertEquals(0, new BigDecimal(round + ".0").compareTo((BigDecimal) dec.rows().get(0).get(0)));
      StatementResult byId = exec(s, "SELECT id, name FROM t WHERE id = " + (1 + round));
      assertEquals(List.of(new Column("id", DataType.INT4), new Column("name", DataType.TEXT)),
          byId.columns());
      assertEquals(List.of(List.of(1 + round, String.valueOf((char) ('a' + round)))),
          byId.rows());
      StatementResult sum = exec(s, "SELECT n + " + round + " AS m FROM t WHERE id = 1");
      assertEquals(List.of(new Column("m", DataType.INT4)), sum.columns());
      assertEquals(List.of(List.of(10 + round)), sum.rows());
    }
  }

  @Test
  void columnPositionsAndTypedLiteralsAreNotHoisted() {
    assertNull(LiteralHoister.hoist("SELECT id FROM t ORDER BY 1", 0));
    assertNull(LiteralHoister.hoist("SELECT n, count(*) FROM t GROUP BY 1", 0));
    assertNull(LiteralHoister.hoist("SELECT $$1$$", 0));
    assertNull(LiteralHoister.hoist("SELECT v FROM t WHERE id = $2 AND n = 1", 1),
        "a literal must not take the number of a parameter the client did not send");
    assertEquals("SELECT date '2020-01-01', $1 FROM t LIMIT 5",
        LiteralHoister.hoist("SELECT date '2020-01-01', 'x' FROM t LIMIT 5", 0).text());
    assertEquals("SELECT v FROM t WHERE id = $2 AND n > $1",
        LiteralHoister.hoist("SELECT v FROM t WHERE id = 5 AND n > $1", 1).text());
    assertEquals(List.of(row(1), row(2), row(4)),
        rows("SELECT id FROM t WHERE id <> 3 ORDER BY 1"));
  }
}
