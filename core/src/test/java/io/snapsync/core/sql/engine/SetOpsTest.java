package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SetOpsTest extends EngineTestBase {

  @Test
  void unionIntersectExcept() {
    assertEquals(List.of(row(1), row(2), row(9)),
        rows("SELECT t_id FROM u UNION SELECT t_id FROM u ORDER BY 1"));
    assertEquals(8, rows("SELECT t_id FROM u UNION ALL SELECT t_id FROM u").size());
    assertEquals(List.of(row(1), row(2)),
        rows("SELECT id FROM t INTERSECT SELECT t_id FROM u ORDER BY 1"));
    assertEquals(List.of(row(3), row(4)),
        rows("SELECT id FROM t EXCEPT SELECT t_id FROM u ORDER BY 1"));
    assertEquals(List.of(row(1)),
        rows("SELECT t_id FROM u INTERSECT ALL SELECT 1 ORDER BY 1"));
    assertEquals(List.of(row(1), row(2), row(9)),
        rows("SELECT t_id FROM u EXCEPT ALL SELECT 1 ORDER BY 1"));
  }

  @Test
  void valuesAndLimitOffset() {
    assertEquals(List.of(row(2, "b")),
        rows("VALUES (1, 'a'), (2, 'b'), (3, 'c') ORDER BY 1 LIMIT 1 OFFSET 1"));
    assertEquals(List.of(row(3), row(4)), rows("SELECT id FROM t ORDER BY id OFFSET 2"));
    assertEquals(List.of(row(1)), rows("SELECT id FROM t ORDER BY id FETCH FIRST 1 ROWS ONLY"));
  }

  @Test
  void setOpWithDifferentWidthsFails() {
    fails("SELECT 1 UNION SELECT 1, 2", "42601");
  }
}
