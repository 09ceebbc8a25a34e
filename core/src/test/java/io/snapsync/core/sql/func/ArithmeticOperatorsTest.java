package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.FLOAT4;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static io.snapsync.core.sql.func.Calls.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values and errors as PostgreSQL 15 gives them (checked with psql). */
class ArithmeticOperatorsTest {

  @Test
  void integerOperatorsKeepTheWiderTypeAndTruncate() {
    assertEquals(5, call("+", List.of(INT4, INT4), 2, 3));
    assertEquals((short) 5, call("+", List.of(INT2, INT2), (short) 2, (short) 3));
    assertEquals(INT4, resolve("+", INT2, INT4).returnType());
    assertEquals(INT8, resolve("%", INT4, INT8).returnType());
    assertEquals(3, call("/", List.of(INT4, INT4), 7, 2));
    assertEquals(-3, call("/", List.of(INT4, INT4), -7, 2));
    assertEquals(-1, call("%", List.of(INT4, INT4), -7, 2));
    assertEquals(0, call("%", List.of(INT4, INT4), Integer.MIN_VALUE, -1));
    assertEquals(-5, call("-", List.of(INT4), 5));
    assertEquals(8, call("<<", List.of(INT4, INT4), 1, 3));
    assertEquals(7L, call("@", List.of(INT8), -7L));
  }

  @Test
  void integerOverflowIsOutOfRangeForTheResultType() {
    fails("22003", "integer out of range", "+", List.of(INT4, INT4), Integer.MAX_VALUE, 1);
    fails("22003", "smallint out of range", "*", List.of(INT2, INT2), (short) -32768,
        (short) -1);
    fails("22003", "bigint out of range", "+", List.of(INT8, INT4), Long.MAX_VALUE, 1);
    fails("22003", "integer out of range", "/", List.of(INT4, INT4), Integer.MIN_VALUE, -1);
    fails("22003", "bigint out of range", "/", List.of(INT8, INT8), Long.MIN_VALUE, -1L);
    fails("22003", "integer out of range", "-", List.of(INT4), Integer.MIN_VALUE);
    fails("22012", "division by zero", "/", List.of(INT4, INT4), 5, 0);
    fails("22012", "division by zero", "%", List.of(INT8, INT8), 5L, 0L);
  }

  @Test
  void numericDivisionUsesSelectDivScale() {
    assertEquals(new BigDecimal("0.33333333333333333333"),
        call("/", List.of(NUMERIC, NUMERIC), BigDecimal.ONE, new BigDecimal("3")));
    assertEquals(new BigDecimal("2.5000000000000000"),
        call("/", List.of(NUMERIC, NUMERIC), BigDecimal.TEN, new BigDecimal("4")));
    assertEquals(new BigDecimal("0.33333333333333333333"),
        call("/", List.of(NUMERIC, NUMERIC), new BigDecimal("1.000"), new BigDecimal("3")));
    assertEquals(new BigDecimal("123456780000.00000000"),
        call("/", List.of(NUMERIC, NUMERIC), new BigDecimal("12345678"),
            new BigDecimal("0.0001")));
    assertEquals(new BigDecimal("1.5"),
        call("%", List.of(NUMERIC, NUMERIC), new BigDecimal("7.5"), new BigDecimal("2")));
    assertEquals(new BigDecimal("1.20"),
        call("%", List.of(NUMERIC, NUMERIC), new BigDecimal("7.50"), new BigDecimal("2.1")));
    fails("22012", "division by zero", "/", List.of(NUMERIC, NUMERIC), new BigDecimal("5.0"),
        BigDecimal.ZERO);
    assertEquals(new BigDecimal("6.00"),
        call("*", List.of(NUMERIC, NUMERIC), new BigDecimal("2.0"), new BigDecimal("3.0")));
  }

  @Test
  void numericPowerScales() {
    assertEquals(new BigDecimal("1024.0000000000000000"),
        call("^", List.of(NUMERIC, NUMERIC), new BigDecimal("2"), new BigDecimal("10")));
    assertEquals(new BigDecimal("1.4142135623730950"),
        call("^", List.of(NUMERIC, NUMERIC), new BigDecimal("2"), new BigDecimal("0.5")));
    assertEquals(new BigDecimal("0.0100000000000000"),
        call("^", List.of(NUMERIC, NUMERIC), BigDecimal.TEN, new BigDecimal("-2")));
    assertEquals(new BigDecimal("3.3750000000000000"),
        call("^", List.of(NUMERIC, NUMERIC), new BigDecimal("1.5"), new BigDecimal("3.0")));
  }

  @Test
  void floatOverflowAndPowerErrors() {
    fails("22003", "value out of range: overflow", "*", List.of(FLOAT8, FLOAT8), 1e308, 10.0);
    assertEquals(1e-318, (double) call("*", List.of(FLOAT8, FLOAT8), 1e-308, 1e-10), 1e-320);
    fails("22012", "division by zero", "/", List.of(FLOAT8, FLOAT8), 1.0, 0.0);
    fails("2201F", "a negative number raised to a non-integer power yields a complex result",
        "^", List.of(FLOAT8, FLOAT8), -2.0, 0.5);
    fails("2201F", "zero raised to a negative power is undefined", "^",
        List.of(FLOAT8, FLOAT8), 0.0, -1.0);
    fails("2201F", "cannot take square root of a negative number", "|/", List.of(FLOAT8), -1.0);
    assertEquals(3.0f, call("+", List.of(FLOAT4, FLOAT4), 1.5f, 1.5f));
    assertEquals(Double.POSITIVE_INFINITY,
        call("+", List.of(FLOAT8, FLOAT8), Double.POSITIVE_INFINITY, 1.0));
  }

  @Test
  void nullArgumentsGiveNull() {
    assertNull(call("+", List.of(INT4, INT4), 1, null));
    assertNull(call("/", List.of(INT4, INT4), null, 0));
  }
}
