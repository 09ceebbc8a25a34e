package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.*;
import static io.snapsync.core.sql.func.Calls.CTX;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.sql.types.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Date/time operators and functions; expected values from PostgreSQL 15, TimeZone Europe/Berlin. */
class DateTimeTest {

  private static final long H = 3_600_000_000L;
  private static final LocalDateTime TS = LocalDateTime.parse("2024-03-10T12:34:56.789012");

  private static Interval iv(int months, int days, long micros) {
    return new Interval(months, days, micros);
  }

  @Test
  void dateAndTimestampArithmetic() {
    assertEquals(29, call("-", List.of(DATE, DATE), LocalDate.parse("2024-03-01"),
        LocalDate.parse("2024-02-01")));
    assertEquals(LocalDate.parse("2024-03-05"), call("+", List.of(DATE, INT4),
        LocalDate.parse("2024-02-28"), 6));
    assertEquals(LocalDateTime.parse("2024-02-29T00:00"), call("+", List.of(DATE, INTERVAL),
        LocalDate.parse("2024-01-31"), iv(1, 0, 0)));
    assertEquals(LocalDateTime.parse("2024-03-01T11:00"), call("+", List.of(TIMESTAMP,
        INTERVAL), LocalDateTime.parse("2024-01-31T10:00"), iv(1, 1, H)));
    assertEquals(iv(0, 2, 6 * H), call("-", List.of(TIMESTAMP, TIMESTAMP),
        LocalDateTime.parse("2024-03-10T12:00"), LocalDateTime.parse("2024-03-08T06:00")));
    assertEquals(LocalTime.parse("01:00"), call("+", List.of(TIME, INTERVAL),
        LocalTime.parse("23:00"), iv(0, 0, 2 * H)));
    assertEquals(iv(0, 0, -(2 * H + 30 * 60_000_000L)), call("-", List.of(TIME, TIME),
        LocalTime.parse("10:00"), LocalTime.parse("12:30")));
  }

  @Test
  void timestamptzArithmeticUsesTheSessionZone() {
    OffsetDateTime before = OffsetDateTime.parse("2024-03-30T12:00+01:00");
    OffsetDateTime r = (OffsetDateTime) call("+", List.of(TIMESTAMPTZ, INTERVAL), before,
        iv(0, 1, 0));
    assertEquals(OffsetDateTime.parse("2024-03-31T12:00+02:00").toInstant(), r.toInstant());
    r = (OffsetDateTime) call("+", List.of(TIMESTAMPTZ, INTERVAL), before, iv(0, 0, 24 * H));
    assertEquals(OffsetDateTime.parse("2024-03-31T13:00+02:00").toInstant(), r.toInstant());
    r = (OffsetDateTime) call("date_trunc", List.of(TEXT, TIMESTAMPTZ), "day",
        OffsetDateTime.parse("2024-03-31T12:00+02:00"));
    assertEquals(OffsetDateTime.parse("2024-03-31T00:00+01:00").toInstant(), r.toInstant());
    r = (OffsetDateTime) call("date_trunc", List.of(TEXT, TIMESTAMPTZ, TEXT), "month",
        OffsetDateTime.parse("2024-03-31T12:00+02:00"), "UTC");
    assertEquals(OffsetDateTime.parse("2024-03-01T00:00Z").toInstant(), r.toInstant());
  }

  @Test
  void intervalArithmeticAndJustify() {
    assertEquals(iv(0, 1, 12 * H), call("*", List.of(INTERVAL, FLOAT8), iv(0, 1, 0), 1.5));
    assertEquals(iv(0, 12, 74_057_155_200L), call("/", List.of(INTERVAL, FLOAT8), iv(3, 0, 0),
        7.0));
    assertEquals(iv(2, 5, 0), call("justify_days", List.of(INTERVAL), iv(0, 65, 0)));
    assertEquals(iv(0, 2, 2 * H), call("justify_hours", List.of(INTERVAL), iv(0, 0, 50 * H)));
    assertEquals(iv(0, 29, 23 * H), call("justify_interval", List.of(INTERVAL), iv(1, 0, -H)));
    assertEquals(iv(14, 25, 5 * H + 6 * 60_000_000L + 7_500_000L), call("make_interval",
        List.of(INT4, INT4, INT4, INT4, INT4, INT4, FLOAT8), 1, 2, 3, 4, 5, 6, 7.5));
    assertEquals(iv(0, 10, 0), call("make_interval", List.of(INT4, INT4, INT4, INT4), 0, 0, 0,
        10));
  }

  @Test
  void ageBorrowsFieldByField() {
    assertEquals(iv(13, 9, 12 * H), call("age", List.of(TIMESTAMP, TIMESTAMP),
        LocalDateTime.parse("2024-03-10T00:00"), LocalDateTime.parse("2023-01-31T12:00")));
    assertEquals(iv(-13, -10, -6 * H), call("age", List.of(TIMESTAMP, TIMESTAMP),
        LocalDateTime.parse("2023-01-31T00:00"), LocalDateTime.parse("2024-03-10T06:00")));
  }

  @Test
  void extractAndDatePart() {
    Object[][] cases = {{"century", "21"}, {"day", "10"}, {"decade", "202"}, {"dow", "0"},
        {"doy", "70"}, {"epoch", "1710074096.789012"}, {"hour", "12"}, {"isodow", "7"},
        {"isoyear", "2024"}, {"julian", "2460380.52426839134259259259"},
        {"microseconds", "56789012"}, {"millennium", "3"}, {"milliseconds", "56789.012"},
        {"minute", "34"}, {"month", "3"}, {"quarter", "1"}, {"second", "56.789012"},
        {"week", "10"}, {"year", "2024"}};
    for (Object[] c : cases) {
      assertEquals(new BigDecimal((String) c[1]), call("extract", List.of(TEXT, TIMESTAMP),
          c[0], TS), (String) c[0]);
    }
    assertEquals(2460380.5242683915, call("date_part", List.of(TEXT, TIMESTAMP), "julian", TS));
    assertEquals(new BigDecimal("1710028800"), call("extract", List.of(TEXT, DATE), "epoch",
        LocalDate.parse("2024-03-10")));
    assertEquals(new BigDecimal("37015506.500000"), call("extract", List.of(TEXT, INTERVAL),
        "epoch", iv(14, 3, 4 * H + 5 * 60_000_000L + 6_500_000L)));
    assertEquals(new BigDecimal("7200"), call("extract", List.of(TEXT, TIMESTAMPTZ), "timezone",
        OffsetDateTime.parse("2024-07-01T12:00Z")));
    assertEquals(new BigDecimal("14"), call("extract", List.of(TEXT, TIMESTAMPTZ), "hour",
        OffsetDateTime.parse("2024-07-01T12:00Z")));
    assertEquals(new BigDecimal("-44"), call("extract", List.of(TEXT, DATE), "year",
        LocalDate.of(-43, 3, 15)));
    assertEquals(new BigDecimal("-1"), call("extract", List.of(TEXT, DATE), "century",
        LocalDate.of(-43, 3, 15)));
    fails("0A000", "unit \"hour\" not supported for type date", "extract",
        List.of(TEXT, DATE), "hour", LocalDate.parse("2024-03-10"));
    fails("22023", "unit \"foo\" not recognized for type timestamp without time zone",
        "extract", List.of(TEXT, TIMESTAMP), "foo", TS);
    fails("0A000", "unit \"timezone\" not supported for type timestamp without time zone",
        "extract", List.of(TEXT, TIMESTAMP), "timezone", TS);
  }

  @Test
  void dateTruncAndMakers() {
    assertEquals(LocalDateTime.parse("2024-07-01T00:00"), call("date_trunc",
        List.of(TEXT, TIMESTAMP), "quarter", LocalDateTime.parse("2024-08-15T10:11:12")));
    assertEquals(LocalDateTime.parse("2024-03-04T00:00"), call("date_trunc",
        List.of(TEXT, TIMESTAMP), "week", TS));
    assertEquals(LocalDateTime.parse("2001-01-01T00:00"), call("date_trunc",
        List.of(TEXT, TIMESTAMP), "century", TS));
    assertEquals(LocalDateTime.parse("2020-01-01T00:00"), call("date_trunc",
        List.of(TEXT, TIMESTAMP), "decade", TS));
    assertEquals(iv(0, 1, 5 * H), call("date_trunc", List.of(TEXT, INTERVAL), "hour",
        iv(0, 1, 5 * H + 367_000_000L)));
    fails("0A000", "unit \"week\" not supported for type interval", "date_trunc",
        List.of(TEXT, INTERVAL), "week", iv(0, 1, 0));
    fails("22008", "date field value out of range: 0-01-01", "make_date",
        List.of(INT4, INT4, INT4), 0, 1, 1);
    fails("22008", "date field value out of range: 2024-02-30", "make_date",
        List.of(INT4, INT4, INT4), 2024, 2, 30);
    fails("22008", "time field value out of range: 25:00:00", "make_time",
        List.of(INT4, INT4, FLOAT8), 25, 0, 0.0);
    fails("22008", "timestamp cannot be NaN", "to_timestamp", List.of(FLOAT8), Double.NaN);
    assertEquals(OffsetDateTime.parse("2024-03-10T13:34:56.789012+01:00"),
        call("now", List.of()));
    assertEquals(LocalDate.parse("2024-03-10"), call("current_date", List.of()));
    assertEquals(CTX.stmtStart, ((OffsetDateTime) call("statement_timestamp", List.of()))
        .toInstant());
    assertEquals(OffsetDateTime.parse("2001-09-09T03:46:40+02:00").toInstant(),
        ((OffsetDateTime) call("to_timestamp", List.of(FLOAT8), 1e9)).toInstant());
  }
}
