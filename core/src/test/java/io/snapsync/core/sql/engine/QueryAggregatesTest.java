package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.sql.EngineFixture;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryAggregatesTest extends EngineTestBase {

  @Test
  void countSumAvgMinMax() {
    assertEquals(List.of(row(4L, 3L, 70L, 10, 40)),
        rows("SELECT count(*), count(n), sum(n), min(n), max(n) FROM t"));
    assertEquals(new BigDecimal("23.3333333333333333"),
        rows("SELECT avg(n) FROM t").get(0).get(0));
  }

  @Test
  void emptyInputGivesOneRow() {
    assertEquals(List.of(row(0L, null)), rows("SELECT count(*), sum(n) FROM t WHERE id > 100"));
  }

  @Test
  void groupByHavingAndOrdinals() {
    assertEquals(List.of(row(1, 2L), row(2, 1L)),
        rows("SELECT t_id, count(*) FROM u GROUP BY t_id HAVING count(*) < 3 AND t_id < 5"
            + " ORDER BY 1"));
    assertEquals(List.of(row(1, 2L), row(2, 1L), row(9, 1L)),
        rows("SELECT t_id, count(*) FROM u GROUP BY 1 ORDER BY 1"));
  }

  @Test
  void distinctAndFilter() {
    assertEquals(List.of(row(3L, 2L)),
        rows("SELECT count(DISTINCT t_id), count(*) FILTER (WHERE t_id = 1) FROM u"));
    assertEquals(List.of(row(1), row(2), row(9)), rows("SELECT DISTINCT t_id FROM u ORDER BY t_id"));
  }

  @Test
  void ungroupedColumnIs42803() {
    var e = fails("SELECT t_id, count(*) FROM u", "42803");
    assertTrue(EngineFixture.text(e).contains("must appear in the GROUP BY clause"),
        EngineFixture.text(e));
  }
}
