package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT4_ARRAY;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.INTERVAL;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.sql.func.Calls.aggregate;
import static io.snapsync.core.sql.func.Calls.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.sql.types.Interval;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregates over the rows PostgreSQL 15 was given in psql; expected values from it. */
class AggregatesTest {

  private static final Object[][] ONE_NULL_FOUR = {row(1), row((Object) null), row(4)};

  @Test
  void countSumAvgMinMaxSkipNulls() {
    assertEquals(3L, aggregate("count", List.of(), row(), row(), row()));
    assertEquals(2L, aggregate("count", List.of(INT4), ONE_NULL_FOUR));
    assertEquals(5L, aggregate("sum", List.of(INT4), ONE_NULL_FOUR));
    assertEquals(new BigDecimal("2.5000000000000000"), aggregate("avg", List.of(INT4),
        ONE_NULL_FOUR));
    assertEquals(1, aggregate("min", List.of(INT4), ONE_NULL_FOUR));
    assertEquals(4, aggregate("max", List.of(INT4), ONE_NULL_FOUR));
    assertEquals(new BigDecimal("3.75"), aggregate("sum", List.of(NUMERIC),
        row(new BigDecimal("1.50")), row(new BigDecimal("2.25"))));
    assertEquals(new BigDecimal("1.8750000000000000"), aggregate("avg", List.of(NUMERIC),
        row(new BigDecimal("1.50")), row(new BigDecimal("2.25"))));
    assertEquals(new BigDecimal("9223372036854775808"), aggregate("sum", List.of(INT8),
        row(Long.MAX_VALUE), row(1L)));
  }

  @Test
  void emptyGroupsAreNullButCountIsZero() {
    assertEquals(0L, aggregate("count", List.of()));
    assertNull(aggregate("sum", List.of(INT4)));
    assertNull(aggregate("avg", List.of(FLOAT8)));
    assertNull(aggregate("string_agg", List.of(TEXT, TEXT)));
    assertNull(aggregate("array_agg", List.of(INT4)));
  }

  @Test
  void intervalSumAndAvgCascadeLikePostgres() {
    Object[][] rows = {row(new Interval(0, 1, 2 * 3_600_000_000L)), row(new Interval(1, 0, 0)),
        row(new Interval(0, 3, 0))};
    assertEquals(new Interval(1, 4, 2 * 3_600_000_000L), aggregate("sum", List.of(INTERVAL),
        rows));
    assertEquals(new Interval(0, 11, (8 * 60 + 40) * 60_000_000L),
        aggregate("avg", List.of(INTERVAL), rows));
  }

  @Test
  void stringAggArrayAggAndBooleans() {
    Object[][] rows = {row("a", ","), row(null, ","), row("b", ",")};
    assertEquals("a,b", aggregate("string_agg", List.of(TEXT, TEXT), rows));
    assertEquals(Arrays.asList("a", null, "b"), aggregate("array_agg", List.of(TEXT),
        row("a"), row((Object) null), row("b")));
    assertEquals(false, aggregate("bool_and", List.of(BOOL), row(true), row(false)));
    assertEquals(true, aggregate("bool_or", List.of(BOOL), row(false), row(true), row((Object) null)));
    assertEquals(true, aggregate("every", List.of(BOOL), row(true)));
  }

  @Test
  void bitAggregatesAndArrayMinMax() {
    assertEquals(8, aggregate("bit_and", List.of(INT4), row(12), row(10)));
    assertEquals(14, aggregate("bit_or", List.of(INT4), row(12), row(10)));
    assertEquals(6, aggregate("bit_xor", List.of(INT4), row(12), row(10)));
    Object[][] arrays = {row(List.of(1, 2)), row(List.of(1, 3)), row(List.of(0, 9, 9))};
    assertEquals(List.of(0, 9, 9), aggregate("min", List.of(INT4_ARRAY), arrays));
    assertEquals(List.of(1, 3), aggregate("max", List.of(INT4_ARRAY), arrays));
  }

  @Test
  void arrayAggOfArraysChecksDimensions() {
    assertEquals(List.of(List.of(1, 2), List.of(3, 4)), aggregate("array_agg",
        List.of(INT4_ARRAY), row(List.of(1, 2)), row(List.of(3, 4))));
    SnapsyncException e = assertThrows(SnapsyncException.class, () -> aggregate("array_agg",
        List.of(INT4_ARRAY), row(List.of(1)), row(List.of(1, 2))));
    assertEquals("2202E", e.sqlState());
    assertEquals("22004", assertThrows(SnapsyncException.class, () -> aggregate("array_agg",
        List.of(INT4_ARRAY), row((Object) null))).sqlState());
  }

  @Test
  void varianceAndStddevLikePostgres() {
    Object[][] ints = {row(1), row(2), row(4)};
    assertEquals(new BigDecimal("1.5275252316519467"), aggregate("stddev", List.of(INT4), ints));
    assertEquals(new BigDecimal("2.3333333333333333"), aggregate("variance", List.of(INT4),
        ints));
    assertEquals(new BigDecimal("1.5555555555555556"), aggregate("var_pop", List.of(INT4), ints));
    assertEquals(new BigDecimal("1.2472191289246471"), aggregate("stddev_pop", List.of(INT4),
        ints));
    Object[][] floats = {row(1.0), row(2.0), row(4.0)};
    assertEquals(1.5275252316519468, aggregate("stddev", List.of(FLOAT8), floats));
    assertEquals(2.3333333333333335, aggregate("avg", List.of(FLOAT8), floats));
    assertNull(aggregate("stddev", List.of(INT4), row(1)));
    assertEquals(new BigDecimal("2.3333333333333333"), aggregate("variance", List.of(NUMERIC),
        row(new BigDecimal("1.00")), row(new BigDecimal("2.00")), row(new BigDecimal("4.00"))));
  }
}
