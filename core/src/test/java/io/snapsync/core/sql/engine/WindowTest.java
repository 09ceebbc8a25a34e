package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTest extends EngineTestBase {

  @Test
  void rankingFunctions() {
    assertEquals(List.of(row(1, 1L, 1L, 1L), row(2, 2L, 1L, 1L), row(3, 3L, 3L, 2L),
            row(4, 4L, 4L, 3L)),
        rows("SELECT id, row_number() OVER (ORDER BY t_id), rank() OVER (ORDER BY t_id),"
            + " dense_rank() OVER (ORDER BY t_id) FROM u ORDER BY id"));
  }

  @Test
  void lagLeadAndPartitions() {
    assertEquals(List.of(row(1, null, "y"), row(2, "x", null), row(3, null, null),
            row(4, null, null)),
        rows("SELECT id, lag(v) OVER (PARTITION BY t_id ORDER BY id),"
            + " lead(v) OVER (PARTITION BY t_id ORDER BY id) FROM u ORDER BY id"));
  }

  @Test
  void runningAndPartitionSums() {
    assertEquals(List.of(row(1, 10L, 70L), row(2, 30L, 70L), row(3, 30L, 70L), row(4, 70L, 70L)),
        rows("SELECT id, sum(n) OVER (ORDER BY id), sum(n) OVER () FROM t ORDER BY id"));
    assertEquals(List.of(row(1, 2L), row(2, 2L), row(3, 1L), row(4, 1L)),
        rows("SELECT id, count(*) OVER (PARTITION BY t_id) FROM u ORDER BY id"));
  }
}
