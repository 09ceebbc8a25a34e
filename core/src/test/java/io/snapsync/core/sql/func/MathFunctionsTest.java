package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values from PostgreSQL 15 (psql output of the same calls). */
class MathFunctionsTest {

  private static BigDecimal n(String s) {
    return new BigDecimal(s);
  }

  private static Object num(String name, Object... args) {
    List<io.snapsync.core.session.DataType> types = new java.util.ArrayList<>();
    for (Object a : args) {
      types.add(a instanceof Integer ? INT4 : a instanceof Double ? FLOAT8 : NUMERIC);
    }
    return call(name, types, args);
  }

  @Test
  void roundingNumericIsHalfAwayFromZeroFloatIsHalfEven() {
    assertEquals((short) 3, call("abs", List.of(INT2), (short) -3));
    assertEquals(n("3"), num("round", n("2.5")));
    assertEquals(n("-3"), num("round", n("-2.5")));
    assertEquals(2.0, num("round", 2.5));
    assertEquals(n("3.14"), num("round", n("3.14159"), 2));
    assertEquals(n("1200"), num("round", n("1234.5"), -2));
    assertEquals(n("1.500"), num("round", n("1.5"), 3));
    assertEquals(n("3.7"), num("trunc", n("3.789"), 1));
    assertEquals(n("-3"), num("trunc", n("-3.7")));
    assertEquals(n("-3"), num("ceil", n("-3.5")));
    assertEquals(n("-4"), num("floor", n("-3.5")));
    assertEquals(n("-1"), num("sign", n("-3.2")));
  }

  @Test
  void modDivGcdLcmWidthBucket() {
    assertEquals(-1, num("mod", -7, 3));
    assertEquals(n("1.5"), num("mod", n("7.5"), n("2")));
    assertEquals(n("3"), num("div", n("7.5"), n("2")));
    assertEquals(n("-3"), num("div", n("-7"), n("2")));
    assertEquals(6, num("gcd", 12, 18));
    assertEquals(12, num("lcm", 4, 6));
    assertEquals(n("0.3"), num("gcd", n("1.5"), n("0.9")));
    assertEquals(3, num("width_bucket", n("5.35"), n("0.024"), n("10.06"), 5));
    assertEquals(6, num("width_bucket", 11.0, 0.0, 10.0, 5));
    fails("2201G", "lower bound cannot equal upper bound", "width_bucket",
        List.of(FLOAT8, FLOAT8, FLOAT8, INT4), 1.0, 1.0, 1.0, 1);
    fails("22012", "division by zero", "mod", List.of(INT4, INT4), 1, 0);
  }

  @Test
  void floatFunctions() {
    assertEquals(2.718281828459045, num("exp", 1.0));
    assertEquals(2.302585092994046, num("ln", 10.0));
    assertEquals(2.0, num("log", 100.0));
    assertEquals(1024.0, num("power", 2.0, 10.0));
    assertEquals(180.0, num("degrees", Math.PI));
    fails("2201E", "cannot take logarithm of zero", "ln", List.of(FLOAT8), 0.0);
    fails("2201E", "cannot take logarithm of a negative number", "ln", List.of(FLOAT8), -1.0);
    fails("22003", "input is out of range", "asin", List.of(FLOAT8), 2.0);
    double r = (double) call("random", List.of());
    assertTrue(r >= 0 && r < 1);
    assertTrue(Calls.resolve("random").volatile_());
  }

  @Test
  void numericTranscendentalsHavePostgresScales() {
    assertEquals(n("1.414213562373095"), num("sqrt", n("2")));
    assertEquals(n("0.01000000000000000"), num("sqrt", n("0.0001")));
    assertEquals(n("3513.6418286444622"), num("sqrt", n("12345678.9")));
    assertEquals(n("2.7182818284590452"), num("exp", n("1")));
    assertEquals(n("12.182493960703473"), num("exp", n("2.5")));
    assertEquals(n("0.6931471805599453"), num("ln", n("2")));
    assertEquals(n("4.6101577274991304"), num("ln", n("100.5")));
    assertEquals(n("6.0000000000000000"), num("log", n("2.0"), n("64.0")));
    assertEquals(n("3.0000000000000000"), num("log10", n("1000")));
    assertEquals(n("1.4142135623730950"), num("power", n("2"), n("0.5")));
    assertEquals(3, num("scale", n("1.230")));
    assertEquals(n("1.23"), num("trim_scale", n("1.230")));
    fails("2201F", "cannot take square root of a negative number", "sqrt", List.of(NUMERIC),
        n("-1"));
  }
}
