package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.sql.EngineFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubqueriesTest extends EngineTestBase {

  @Test
  void inAndExists() {
    assertEquals(List.of(row(1), row(2)),
        rows("SELECT id FROM t WHERE id IN (SELECT t_id FROM u) ORDER BY id"));
    assertEquals(List.of(row(3), row(4)),
        rows("SELECT id FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id) ORDER BY id"));
  }

  @Test
  void scalarAndCorrelated() {
    assertEquals(List.of(row(1, 2L), row(2, 1L), row(3, 0L), row(4, 0L)),
        rows("SELECT id, (SELECT count(*) FROM u WHERE u.t_id = t.id) FROM t ORDER BY id"));
    assertEquals(List.of(row(40)), rows("SELECT (SELECT max(n) FROM t)"));
  }

  @Test
  void fromSubqueryAndWith() {
    assertEquals(List.of(row(2L)),
        rows("SELECT count(*) FROM (SELECT t_id FROM u WHERE t_id = 1) x"));
    assertEquals(List.of(row(1, "a")),
        rows("WITH one AS (SELECT id, name FROM t WHERE id = 1) SELECT * FROM one"));
  }

  @Test
  void scalarSubqueryWithTwoRowsIs21000() {
    var e = fails("SELECT (SELECT id FROM t)", "21000");
    assertEquals("more than one row returned by a subquery used as an expression",
        EngineFixture.text(e));
  }
}
