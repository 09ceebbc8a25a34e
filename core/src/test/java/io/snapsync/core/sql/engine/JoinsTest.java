package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JoinsTest extends EngineTestBase {

  @Test
  void innerJoinOnAndUsingAndComma() {
    List<List<Object>> expected = List.of(row(1, "x"), row(1, "y"), row(2, "z"));
    assertEquals(expected, rows("SELECT t.id, u.v FROM t JOIN u ON u.t_id = t.id ORDER BY u.id"));
    assertEquals(expected, rows("SELECT t.id, u.v FROM t, u WHERE u.t_id = t.id ORDER BY u.id"));
    assertEquals(List.of(row(1, "a", "x")),
        rows("SELECT t.id, name, v FROM t JOIN u USING (id) WHERE t.id = 1"));
  }

  @Test
  void outerJoinsKeepUnmatchedRowsWithNulls() {
    assertEquals(List.of(row(1, "x"), row(1, "y"), row(2, "z"), row(3, null), row(4, null)),
        rows("SELECT t.id, u.v FROM t LEFT JOIN u ON u.t_id = t.id ORDER BY t.id, u.v"));
    assertEquals(List.of(row(1, "x"), row(1, "y"), row(2, "z"), row(null, "w")),
        rows("SELECT t.id, u.v FROM t RIGHT JOIN u ON u.t_id = t.id ORDER BY u.id"));
    assertEquals(6, rows("SELECT t.id, u.v FROM t FULL JOIN u ON u.t_id = t.id").size());
  }

  @Test
  void nonEquiAndCrossJoins() {
    assertEquals(16, rows("SELECT * FROM t CROSS JOIN u").size());
    assertEquals(List.of(row(1L)), rows("SELECT count(*) FROM t a JOIN t b ON a.id < b.id AND b.id = 2"));
  }

  @Test
  void joinSeesOnlyTheStatementSnapshot() {
    assertEquals(List.of(row(3L)), rows("SELECT count(*) FROM t JOIN u ON u.t_id = t.id"));
  }
}
