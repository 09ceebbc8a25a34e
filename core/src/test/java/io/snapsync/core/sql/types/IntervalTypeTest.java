package io.snapsync.core.sql.types;

import static io.snapsync.core.sql.types.TypeAsserts.UTC;
import static io.snapsync.core.sql.types.TypeAsserts.inputFails;
import static io.snapsync.core.sql.types.TypeAsserts.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.DataType;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class IntervalTypeTest {

  @Test
  void postgresFormsReadAndPrintAsPostgresql() {
    roundTrip("1 day 02:00", DataType.INTERVAL, "1 day 02:00:00");
    roundTrip("1 mon -2 days", DataType.INTERVAL, "1 mon -2 days");
    roundTrip("@ 1 hour ago", DataType.INTERVAL, "-01:00:00");
    roundTrip("1 year 2 mons 3 days 04:05:06.5", DataType.INTERVAL,
        "1 year 2 mons 3 days 04:05:06.5");
    roundTrip("-1 days +02:00:00", DataType.INTERVAL, "-1 days +02:00:00");
    roundTrip("-1 day -02:00", DataType.INTERVAL, "-1 days -02:00:00");
    roundTrip("0", DataType.INTERVAL, "00:00:00");
    roundTrip("5", DataType.INTERVAL, "00:00:05");
    roundTrip("1.5 years", DataType.INTERVAL, "1 year 6 mons");
    roundTrip("1.5 days", DataType.INTERVAL, "1 day 12:00:00");
    roundTrip("1.5 months", DataType.INTERVAL, "1 mon 15 days");
    roundTrip("2 weeks", DataType.INTERVAL, "14 days");
    roundTrip("100 hours", DataType.INTERVAL, "100:00:00");
    roundTrip("1-2", DataType.INTERVAL, "1 year 2 mons");
    roundTrip("1 02:00:00", DataType.INTERVAL, "1 day 02:00:00");
    roundTrip("3 days ago", DataType.INTERVAL, "-3 days");
    roundTrip("1 millisecond", DataType.INTERVAL, "00:00:00.001");
    roundTrip("-2 years 3 mons", DataType.INTERVAL, "-1 years -9 mons");
    roundTrip("-1 days 3 hours", DataType.INTERVAL, "-1 days +03:00:00");
  }

  @Test
  void iso8601FormsRead() {
    roundTrip("P1Y2M", DataType.INTERVAL, "1 year 2 mons");
    roundTrip("P1W", DataType.INTERVAL, "7 days");
    roundTrip("PT1H30M", DataType.INTERVAL, "01:30:00");
    roundTrip("P1Y2M3DT4H5M6.5S", DataType.INTERVAL, "1 year 2 mons 3 days 04:05:06.5");
    roundTrip("P0001-02-03T04:05:06", DataType.INTERVAL, "1 year 2 mons 3 days 04:05:06");
    roundTrip("PT-1H", DataType.INTERVAL, "-01:00:00");
  }

  @Test
  void badIntervalsFailAsPostgresql() {
    inputFails("x", DataType.INTERVAL, "22007", "invalid input syntax for type interval: \"x\"");
    inputFails("1 fortnight", DataType.INTERVAL, "22007",
        "invalid input syntax for type interval: \"1 fortnight\"");
    inputFails("P1H", DataType.INTERVAL, "22007",
        "invalid input syntax for type interval: \"P1H\"");
  }

  @Test
  void intervalsCompareByThirtyDayMonths() {
    Interval mon = (Interval) PgValues.fromText("1 mon", DataType.INTERVAL, -1, UTC);
    Interval days = (Interval) PgValues.fromText("30 days", DataType.INTERVAL, -1, UTC);
    Interval hours = (Interval) PgValues.fromText("720 hours", DataType.INTERVAL, -1, UTC);
    assertEquals(0, PgValues.compare(mon, days, DataType.INTERVAL));
    assertEquals(0, PgValues.compare(days, hours, DataType.INTERVAL));
    assertEquals(PgValues.hash(mon, DataType.INTERVAL), PgValues.hash(hours, DataType.INTERVAL));
    assertTrue(PgValues.compare(mon, new Interval(0, 30, 1), DataType.INTERVAL) < 0);
  }

  @Test
  void timeAndIntervalCast() {
    assertEquals("04:05:06", PgValues.toText(PgValues.cast(LocalTime.of(4, 5, 6),
        DataType.TIME, DataType.INTERVAL, -1, UTC), DataType.INTERVAL, UTC));
    assertEquals(LocalTime.of(2, 0), PgValues.cast(new Interval(0, 1, 26 * 3_600_000_000L),
        DataType.INTERVAL, DataType.TIME, -1, UTC));
  }
}
