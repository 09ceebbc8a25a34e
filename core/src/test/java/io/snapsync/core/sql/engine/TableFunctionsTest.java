package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFunctionsTest extends EngineTestBase {

  @Test
  void generateSeriesInFrom() {
    assertEquals(List.of(row(1), row(3), row(5)), rows("SELECT * FROM generate_series(1, 5, 2)"));
    assertEquals(List.of(row(10L)), rows("SELECT sum(x) FROM generate_series(1, 4) AS g(x)"));
  }

  @Test
  void unnestExpandsArrays() {
    assertEquals(List.of(row(1), row(2), row(3)),
        rows("SELECT * FROM UNNEST(ARRAY[1, 2, 3])"));
  }

  @Test
  void zeroStepFails() {
    fails("SELECT * FROM generate_series(1, 5, 0)", "22023");
  }
}
