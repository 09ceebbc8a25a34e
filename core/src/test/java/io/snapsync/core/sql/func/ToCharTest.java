package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INTERVAL;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TIMESTAMP;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.sql.types.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** to_char / to_date / to_timestamp / to_number; expected text from PostgreSQL 15. */
class ToCharTest {

  private static final LocalDateTime TS = LocalDateTime.parse("2024-03-05T14:07:09.123456");

  private static Object ts(String pattern) {
    return call("to_char", List.of(TIMESTAMP, TEXT), TS, pattern);
  }

  private static Object num(Object v, String pattern) {
    return call("to_char", List.of(v instanceof Integer ? INT4 : v instanceof Double ? FLOAT8
        : NUMERIC, TEXT), v, pattern);
  }

  @Test
  void dateTimePatterns() {
    assertEquals("2024-03-05 14:07:09.123.123456", ts("YYYY-MM-DD HH24:MI:SS.MS.US"));
    assertEquals("02:07 PM pm p.m.", ts("HH12:MI AM pm a.m."));
    assertEquals("Mar MAR mar March    |March|Tue TUE Tuesday  |Tuesday",
        ts("Mon MON mon Month|FMMonth|Dy DY Day|FMDay"));
    assertEquals("065 3 2 1 10 10 2460375 21 2024 24 4", ts("DDD D ID Q WW IW J CC IYYY YY Y"));
    assertEquals("3/5/2024 at 14\\h", ts("FMMM/FMDD/YYYY \"at\" HH24\\h"));
    assertEquals("05th 5TH 03rd", ts("DDth FMDDTH MMth"));
    assertEquals("2024-03-05 15:07 CET +01 cet", call("to_char", List.of(TIMESTAMPTZ, TEXT),
        OffsetDateTime.parse("2024-03-05T14:07:09Z"), "YYYY-MM-DD HH24:MI TZ OF tz"));
    assertEquals("01 02:03:04", call("to_char", List.of(INTERVAL, TEXT),
        new Interval(0, 1, (2 * 3600 + 3 * 60 + 4) * 1_000_000L), "DD HH24:MI:SS"));
  }

  @Test
  void numberPatterns() {
    assertEquals(" 1234.50", num(new BigDecimal("1234.5"), "9999.99"));
    assertEquals("1234.5", num(new BigDecimal("1234.5"), "FM9999.99"));
    assertEquals("-1,234.50", num(new BigDecimal("-1234.5"), "9,999.99"));
    assertEquals(" 005", num(5, "000"));
    assertEquals(" #", num(12, "9"));
    assertEquals(" 0.50", num(new BigDecimal("0.5"), "0.99"));
    assertEquals("1,234", num(1234, "FM9,999"));
    assertEquals("  -5", num(-5, "S999"));
    assertEquals("  +5", num(5, "S999"));
    assertEquals("  5-", num(-5, "999MI"));
    assertEquals(" 3.142", num(3.14159, "9.999"));
  }

  @Test
  void parsing() {
    assertEquals(LocalDate.parse("2024-03-05"), call("to_date", List.of(TEXT, TEXT),
        "2024-03-05", "YYYY-MM-DD"));
    assertEquals(OffsetDateTime.parse("2024-03-05T14:07+01:00").toInstant(),
        ((OffsetDateTime) call("to_timestamp", List.of(TEXT, TEXT), "05 Mar 2024 14:07",
            "DD Mon YYYY HH24:MI")).toInstant());
    assertEquals(new BigDecimal("1234.50"), call("to_number", List.of(TEXT, TEXT), "1,234.50",
        "9G999D99"));
    assertEquals(new BigDecimal("-12.5"), call("to_number", List.of(TEXT, TEXT), "-12.5",
        "999.9"));
    fails("22008", "date/time field value out of range: \"2024-13-05\"", "to_date",
        List.of(TEXT, TEXT), "2024-13-05", "YYYY-MM-DD");
  }
}
