package io.snapsync.core.sql.types;

import static io.snapsync.core.sql.types.TypeAsserts.UTC;
import static io.snapsync.core.sql.types.TypeAsserts.fails;
import static io.snapsync.core.sql.types.TypeAsserts.inputFails;
import static io.snapsync.core.sql.types.TypeAsserts.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberTypesTest {

  @Test
  void integersAcceptWhitespaceAndSignOnly() {
    roundTrip(" -12 ", DataType.INT4, "-12");
    roundTrip("+5", DataType.INT2, "5");
    roundTrip("-2147483648", DataType.INT4, "-2147483648");
    roundTrip("-9223372036854775808", DataType.INT8, "-9223372036854775808");
    roundTrip("007", DataType.INT8, "7");
    assertEquals((short) 5, PgValues.fromText("5", DataType.INT2, -1, UTC));
    assertEquals(5, PgValues.fromText("5", DataType.INT4, -1, UTC));
    assertEquals(5L, PgValues.fromText("5", DataType.INT8, -1, UTC));
  }

  @Test
  void integerInputErrorsAreExact() {
    inputFails("1e3", DataType.INT4, "22P02", "invalid input syntax for type integer: \"1e3\"");
    inputFails("", DataType.INT4, "22P02", "invalid input syntax for type integer: \"\"");
    inputFails("1.5", DataType.INT8, "22P02", "invalid input syntax for type bigint: \"1.5\"");
    inputFails("- 1", DataType.INT2, "22P02", "invalid input syntax for type smallint: \"- 1\"");
    inputFails("99999999999", DataType.INT4, "22003",
        "value \"99999999999\" is out of range for type integer");
    inputFails("2147483648", DataType.INT4, "22003",
        "value \"2147483648\" is out of range for type integer");
    inputFails("32768", DataType.INT2, "22003",
        "value \"32768\" is out of range for type smallint");
    inputFails("9223372036854775808", DataType.INT8, "22003",
        "value \"9223372036854775808\" is out of range for type bigint");
  }

  @Test
  void numericKeepsItsScale() {
    roundTrip("1.50", DataType.NUMERIC, "1.50");
    roundTrip("1e3", DataType.NUMERIC, "1000");
    roundTrip(" -0.0 ", DataType.NUMERIC, "0.0");
    roundTrip("1.5e-3", DataType.NUMERIC, "0.0015");
    roundTrip(".5", DataType.NUMERIC, "0.5");
    roundTrip("NaN", DataType.NUMERIC, "NaN");
    roundTrip("-inf", DataType.NUMERIC, "-Infinity");
    roundTrip("Infinity", DataType.NUMERIC, "Infinity");
    inputFails("1.2.3", DataType.NUMERIC, "22P02",
        "invalid input syntax for type numeric: \"1.2.3\"");
  }

  @Test
  void numericTypmodRoundsHalfAwayFromZeroAndOverflows() {
    int n52 = ((5 << 16) | 2) + 4;
    roundTrip("123.455", DataType.NUMERIC, n52, "123.46");
    roundTrip("-123.455", DataType.NUMERIC, n52, "-123.46");
    roundTrip("1", DataType.NUMERIC, n52, "1.00");
    var e = fails("22003", "numeric field overflow",
        () -> PgValues.fromText("1234.5", DataType.NUMERIC, n52, UTC));
    assertEquals("A field with precision 5, scale 2 must round to an absolute value less than"
        + " 10^3.", MessageCatalog.english(e.detail()));
    int n33 = ((3 << 16) | 3) + 4;
    e = fails("22003", "numeric field overflow",
        () -> PgValues.fromText("0.9999", DataType.NUMERIC, n33, UTC));
    assertEquals("A field with precision 3, scale 3 must round to an absolute value less than"
        + " 1.", MessageCatalog.english(e.detail()));
    e = fails("22003", "numeric field overflow",
        () -> PgValues.fromText("Infinity", DataType.NUMERIC, n33, UTC));
    assertEquals("A field with precision 3, scale 3 cannot hold an infinite value.",
        MessageCatalog.english(e.detail()));
    roundTrip("NaN", DataType.NUMERIC, n33, "NaN");
  }

  @Test
  void floatsPrintTheShortestRoundTrippingText() {
    roundTrip("0.1", DataType.FLOAT8, "0.1");
    roundTrip("1e20", DataType.FLOAT8, "1e+20");
    roundTrip("1.5e-7", DataType.FLOAT8, "1.5e-07");
    roundTrip("-0", DataType.FLOAT8, "-0");
    roundTrip("100000000000000", DataType.FLOAT8, "100000000000000");
    roundTrip("1e15", DataType.FLOAT8, "1e+15");
    roundTrip("0.0001", DataType.FLOAT8, "0.0001");
    roundTrip("0.00001", DataType.FLOAT8, "1e-05");
    roundTrip("0.30000000000000004", DataType.FLOAT8, "0.30000000000000004");
    roundTrip("1.7976931348623157e308", DataType.FLOAT8, "1.7976931348623157e+308");
    roundTrip(" inf ", DataType.FLOAT8, "Infinity");
    roundTrip("-Infinity", DataType.FLOAT8, "-Infinity");
    roundTrip("nan", DataType.FLOAT8, "NaN");
    roundTrip("0.1", DataType.FLOAT4, "0.1");
    roundTrip("1e6", DataType.FLOAT4, "1e+06");
    roundTrip("123456", DataType.FLOAT4, "123456");
    roundTrip("3.4028235e38", DataType.FLOAT4, "3.4028235e+38");
  }

  @Test
  void floatInputErrorsAreExact() {
    inputFails("1e400", DataType.FLOAT8, "22003",
        "\"1e400\" is out of range for type double precision");
    inputFails("1e-400", DataType.FLOAT8, "22003",
        "\"1e-400\" is out of range for type double precision");
    inputFails("3.5e38", DataType.FLOAT4, "22003", "\"3.5e38\" is out of range for type real");
    inputFails("abc", DataType.FLOAT8, "22P02",
        "invalid input syntax for type double precision: \"abc\"");
    inputFails("1x", DataType.FLOAT4, "22P02", "invalid input syntax for type real: \"1x\"");
  }

  @Test
  void castsToIntegersRoundAsPostgresql() {
    assertEquals(3, cast(new BigDecimal("2.5"), DataType.NUMERIC, DataType.INT4));
    assertEquals(-3, cast(new BigDecimal("-2.5"), DataType.NUMERIC, DataType.INT4));
    assertEquals(2, cast(2.5, DataType.FLOAT8, DataType.INT4));
    assertEquals(4, cast(3.5, DataType.FLOAT8, DataType.INT4));
    assertEquals(-2, cast(-2.5, DataType.FLOAT8, DataType.INT4));
    assertEquals((short) 2, cast(2.5f, DataType.FLOAT4, DataType.INT2));
    fails("22003", "integer out of range",
        () -> cast(2147483647.5, DataType.FLOAT8, DataType.INT4));
    fails("22003", "integer out of range", () -> cast(Double.NaN, DataType.FLOAT8, DataType.INT4));
    fails("22003", "smallint out of range", () -> cast(40000L, DataType.INT8, DataType.INT2));
    fails("22003", "bigint out of range",
        () -> cast(new BigDecimal("1e19"), DataType.NUMERIC, DataType.INT8));
    fails("22003", "cannot convert NaN to integer",
        () -> cast(Double.NaN, DataType.NUMERIC, DataType.INT4));
    fails("22003", "cannot convert infinity to bigint",
        () -> cast(Double.POSITIVE_INFINITY, DataType.NUMERIC, DataType.INT8));
  }

  @Test
  void castsBetweenFloatsAndNumericKeepPostgresqlDigits() {
    assertEquals("0.1", text(cast(0.1, DataType.FLOAT8, DataType.NUMERIC), DataType.NUMERIC));
    assertEquals("0.333333333333333",
        text(cast(1.0 / 3, DataType.FLOAT8, DataType.NUMERIC), DataType.NUMERIC));
    assertEquals("0.333333",
        text(cast(1.0f / 3, DataType.FLOAT4, DataType.NUMERIC), DataType.NUMERIC));
    assertEquals("1e+20", text(cast(new BigDecimal("100000000000000000000"),
        DataType.NUMERIC, DataType.FLOAT8), DataType.FLOAT8));
    assertEquals("100000000000000000000",
        text(cast(1e20, DataType.FLOAT8, DataType.NUMERIC), DataType.NUMERIC));
    assertEquals("0.10000000149011612",
        text(cast(0.1f, DataType.FLOAT4, DataType.FLOAT8), DataType.FLOAT8));
    fails("22003", "value out of range: overflow",
        () -> cast(1e300, DataType.FLOAT8, DataType.FLOAT4));
    fails("22003", "value out of range: underflow",
        () -> cast(1e-300, DataType.FLOAT8, DataType.FLOAT4));
    assertEquals("NaN", text(cast(Double.NaN, DataType.FLOAT8, DataType.NUMERIC),
        DataType.NUMERIC));
  }

  @Test
  void integersAndNumericsOrderAndHashAlike() {
    assertEquals(0, PgValues.compare(new BigDecimal("1.0"), new BigDecimal("1.00"),
        DataType.NUMERIC));
    assertEquals(PgValues.hash(new BigDecimal("1.0"), DataType.NUMERIC),
        PgValues.hash(new BigDecimal("1.00"), DataType.NUMERIC));
    assertEquals(PgValues.hash(7, DataType.INT4), PgValues.hash(7L, DataType.INT8));
    assertEquals(PgValues.hash(7, DataType.INT4),
        PgValues.hash(new BigDecimal("7.000"), DataType.NUMERIC));
    assertEquals(1, PgValues.compare(Double.NaN, Double.POSITIVE_INFINITY, DataType.NUMERIC));
    assertEquals(-1, PgValues.compare(Double.NEGATIVE_INFINITY, new BigDecimal("-1e100"),
        DataType.NUMERIC));
    assertEquals(1, PgValues.compare(Double.POSITIVE_INFINITY, new BigDecimal("1e100"),
        DataType.NUMERIC));
    assertEquals(0, PgValues.compare(-0.0, 0.0, DataType.FLOAT8));
    assertEquals(PgValues.hash(-0.0, DataType.FLOAT8), PgValues.hash(0.0, DataType.FLOAT8));
    assertEquals(1, PgValues.compare(Double.NaN, Double.POSITIVE_INFINITY, DataType.FLOAT8));
    assertEquals(0, PgValues.compare(Float.NaN, Float.NaN, DataType.FLOAT4));
    assertEquals(-1, PgValues.compare(-5, 3, DataType.INT4));
  }

  static Object cast(Object v, DataType from, DataType to) {
    return PgValues.cast(v, from, to, -1, UTC);
  }

  static String text(Object v, DataType t) {
    return PgValues.toText(v, t, UTC);
  }
}
