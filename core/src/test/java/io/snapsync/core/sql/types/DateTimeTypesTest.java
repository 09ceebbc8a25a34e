package io.snapsync.core.sql.types;

import static io.snapsync.core.sql.types.TypeAsserts.UTC;
import static io.snapsync.core.sql.types.TypeAsserts.fails;
import static io.snapsync.core.sql.types.TypeAsserts.inputFails;
import static io.snapsync.core.sql.types.TypeAsserts.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateTimeTypesTest {

  @Test
  void datesReadIsoMdyAndMonthNames() {
    roundTrip("2024-01-02", DataType.DATE, "2024-01-02");
    roundTrip("January 2, 2024", DataType.DATE, "2024-01-02");
    roundTrip("2 Jan 2024", DataType.DATE, "2024-01-02");
    roundTrip("01/02/2024", DataType.DATE, "2024-01-02");
    roundTrip("20240102", DataType.DATE, "2024-01-02");
    roundTrip("2024-01-02 03:04:05", DataType.DATE, "2024-01-02");
    roundTrip("0044-03-15 BC", DataType.DATE, "0044-03-15 BC");
    roundTrip("epoch", DataType.DATE, "1970-01-01");
    roundTrip("infinity", DataType.DATE, "infinity");
    roundTrip("-infinity", DataType.DATE, "-infinity");
    roundTrip("10000-01-01", DataType.DATE, "10000-01-01");
  }

  @Test
  void dateErrorsAreExact() {
    inputFails("x", DataType.DATE, "22007", "invalid input syntax for type date: \"x\"");
    inputFails("2024-13-01", DataType.DATE, "22008",
        "date/time field value out of range: \"2024-13-01\"");
    inputFails("2023-02-29", DataType.DATE, "22008",
        "date/time field value out of range: \"2023-02-29\"");
    inputFails("0000-01-01", DataType.DATE, "22008",
        "date/time field value out of range: \"0000-01-01\"");
  }

  @Test
  void timesAcceptFractionsAmPmAnd24() {
    roundTrip("04:05", DataType.TIME, "04:05:00");
    roundTrip("04:05:06.789", DataType.TIME, "04:05:06.789");
    roundTrip("24:00", DataType.TIME, "24:00:00");
    roundTrip("4:05 PM", DataType.TIME, "16:05:00");
    roundTrip("12:00 am", DataType.TIME, "00:00:00");
    roundTrip("allballs", DataType.TIME, "00:00:00");
    roundTrip("2024-01-02 04:05:06", DataType.TIME, "04:05:06");
    roundTrip("04:05:06.1234567", DataType.TIME, "04:05:06.123457");
    roundTrip("04:05:06.5", DataType.TIME, 0, "04:05:07");
    inputFails("25:00", DataType.TIME, "22008", "date/time field value out of range: \"25:00\"");
    inputFails("x", DataType.TIME, "22007",
        "invalid input syntax for type time: \"x\"");
  }

  @Test
  void timestampsDropTrailingFractionZerosAndIgnoreZones() {
    roundTrip("2024-01-02 03:04:05.123456", DataType.TIMESTAMP, "2024-01-02 03:04:05.123456");
    roundTrip("2024-01-02T03:04:05.120", DataType.TIMESTAMP, "2024-01-02 03:04:05.12");
    roundTrip("2024-01-02 03:04:05+02", DataType.TIMESTAMP, "2024-01-02 03:04:05");
    roundTrip("2024-01-01 24:00", DataType.TIMESTAMP, "2024-01-02 00:00:00");
    roundTrip("0044-03-15 10:00 BC", DataType.TIMESTAMP, "0044-03-15 10:00:00 BC");
    roundTrip("epoch", DataType.TIMESTAMP, "1970-01-01 00:00:00");
    roundTrip("Infinity", DataType.TIMESTAMP, "infinity");
    roundTrip("2024-01-02 03:04:05.5", DataType.TIMESTAMP, 0, "2024-01-02 03:04:06");
    inputFails("x", DataType.TIMESTAMP, "22007",
        "invalid input syntax for type timestamp: \"x\"");
    inputFails("300000-01-01", DataType.TIMESTAMP, "22008",
        "timestamp out of range: \"300000-01-01\"");
  }

  @Test
  void timestamptzReadsOffsetsAndZonesAndPrintsInTheSessionZone() {
    roundTrip("2024-01-02 03:04:05+02", DataType.TIMESTAMPTZ, "2024-01-02 01:04:05+00");
    roundTrip("2024-01-02T03:04:05Z", DataType.TIMESTAMPTZ, "2024-01-02 03:04:05+00");
    roundTrip("2024-01-02 03:04:05-08:00", DataType.TIMESTAMPTZ, "2024-01-02 11:04:05+00");
    roundTrip("2024-01-02 03:04:05 America/New_York", DataType.TIMESTAMPTZ,
        "2024-01-02 08:04:05+00");
    roundTrip("2024-01-02 03:04:05 PST", DataType.TIMESTAMPTZ, "2024-01-02 11:04:05+00");
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    Object v = PgValues.fromText("2024-01-02 00:00:00+00", DataType.TIMESTAMPTZ, -1, kolkata);
    assertEquals("2024-01-02 05:30:00+05:30", PgValues.toText(v, DataType.TIMESTAMPTZ, kolkata));
    ZoneId ny = ZoneId.of("America/New_York");
    v = PgValues.fromText("2024-03-10 02:30", DataType.TIMESTAMPTZ, -1, ny);
    assertEquals("2024-03-10 03:30:00-04", PgValues.toText(v, DataType.TIMESTAMPTZ, ny));
    ZoneId paris = ZoneId.of("Europe/Paris");
    v = PgValues.fromText("1800-01-01 00:00+00", DataType.TIMESTAMPTZ, -1, paris);
    assertEquals("1800-01-01 00:09:21+00:09:21", PgValues.toText(v, DataType.TIMESTAMPTZ, paris));
    inputFails("2024-01-01 00:00 Mars/Olympus", DataType.TIMESTAMPTZ, "22023",
        "time zone \"mars/olympus\" not recognized");
  }

  @Test
  void relativeWordsUseTheGivenTransactionStart() {
    Instant now = Instant.parse("2024-05-06T07:08:09.123456789Z");
    assertEquals(LocalDate.of(2024, 5, 7),
        PgValues.fromText("tomorrow", DataType.DATE, -1, UTC, now));
    assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123456000),
        PgValues.fromText("now", DataType.TIMESTAMP, -1, UTC, now));
    assertEquals("2024-05-06 00:00:00+00", PgValues.toText(
        PgValues.fromText("today", DataType.TIMESTAMPTZ, -1, UTC, now), DataType.TIMESTAMPTZ,
        UTC));
  }

  @Test
  void castsBetweenDateTimeTypesUseTheSessionZone() {
    ZoneId ny = ZoneId.of("America/New_York");
    Object ts = PgValues.fromText("2024-01-02 03:04:05", DataType.TIMESTAMP, -1, ny);
    Object tz = PgValues.cast(ts, DataType.TIMESTAMP, DataType.TIMESTAMPTZ, -1, ny);
    assertEquals("2024-01-02 08:04:05+00", PgValues.toText(tz, DataType.TIMESTAMPTZ, UTC));
    assertEquals(LocalDate.of(2024, 1, 1), PgValues.cast(
        PgValues.fromText("2024-01-02 03:00+00", DataType.TIMESTAMPTZ, -1, ny),
        DataType.TIMESTAMPTZ, DataType.DATE, -1, ny));
    assertEquals("2024-01-02 00:00:00", PgValues.toText(PgValues.cast(
        LocalDate.of(2024, 1, 2), DataType.DATE, DataType.TIMESTAMP, -1, ny),
        DataType.TIMESTAMP, ny));
    assertEquals("03:04:05", PgValues.toText(PgValues.cast(ts, DataType.TIMESTAMP,
        DataType.TIME, -1, ny), DataType.TIME, ny));
    assertEquals("infinity", PgValues.toText(PgValues.cast(LocalDate.MAX, DataType.DATE,
        DataType.TIMESTAMPTZ, -1, ny), DataType.TIMESTAMPTZ, ny));
    assertEquals("2024-01-02 03:04:05", PgValues.cast(ts, DataType.TIMESTAMP, DataType.TEXT,
        -1, ny));
    fails("42846", "cannot cast type date to time without time zone",
        () -> PgValues.cast(LocalDate.EPOCH, DataType.DATE, DataType.TIME, -1, UTC));
  }

  @Test
  void timestamptzOrdersByInstant() {
    OffsetDateTime a = (OffsetDateTime) PgValues.fromText("2024-01-02 03:00+02",
        DataType.TIMESTAMPTZ, -1, UTC);
    OffsetDateTime b = (OffsetDateTime) PgValues.fromText("2024-01-02 01:30+00",
        DataType.TIMESTAMPTZ, -1, UTC);
    assertTrue(PgValues.compare(a, b, DataType.TIMESTAMPTZ) < 0);
    assertTrue(PgValues.compare(OffsetDateTime.MAX, b, DataType.TIMESTAMPTZ) > 0);
    assertTrue(PgValues.compare(LocalDate.MIN, LocalDate.of(-4713, 11, 24), DataType.DATE) < 0);
  }
}
