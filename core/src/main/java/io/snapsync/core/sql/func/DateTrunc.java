package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.INTERVAL;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TIMESTAMP;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.types.Interval;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * {@code date_trunc(field, timestamp | timestamptz [, zone] | interval)}; timestamptz is
 * truncated on the wall clock of the session zone (or the given zone).
 */
final class DateTrunc {

  private DateTrunc() {
  }

  static void register(Registry r) {
    r.add(Fn.of("date_trunc", TIMESTAMP, (x, c) -> trunc((String) x[0], (LocalDateTime) x[1],
        TIMESTAMP), TEXT, TIMESTAMP));
    r.add(Fn.of("date_trunc", TIMESTAMPTZ, (x, c) -> truncTz((String) x[0],
        (OffsetDateTime) x[1], c.timeZone()), TEXT, TIMESTAMPTZ));
    r.add(Fn.of("date_trunc", TIMESTAMPTZ, (x, c) -> truncTz((String) x[0],
        (OffsetDateTime) x[1], zone((String) x[2])), TEXT, TIMESTAMPTZ, TEXT));
    r.add(Fn.of("date_trunc", INTERVAL, (x, c) -> truncInterval((String) x[0],
        (Interval) x[1]), TEXT, INTERVAL));
  }

  static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (java.time.DateTimeException e) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "functions.time_zone_not_recognized", name);
    }
  }

  static LocalDateTime trunc(String unit, LocalDateTime t, io.snapsync.core.session.DataType ty) {
    DateUnits u = DateUnits.of(unit, ty);
    int y = t.getYear();
    return switch (u) {
      case MICROSECONDS -> t;
      case MILLISECONDS -> t.truncatedTo(ChronoUnit.MILLIS);
      case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(
          DayOfWeek.MONDAY));
      case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case QUARTER -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
          .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> yearStart(t, y);
      case DECADE -> yearStart(t, y > 0 ? y / 10 * 10 : -((8 - (y - 1)) / 10) * 10);
      case CENTURY -> yearStart(t, y > 0 ? (y + 99) / 100 * 100 - 99
          : -((99 - (y - 1)) / 100) * 100 + 1);
      case MILLENNIUM -> yearStart(t, y > 0 ? (y + 999) / 1000 * 1000 - 999
          : -((999 - (y - 1)) / 1000) * 1000 + 1);
      default -> throw u.unsupported(unit, ty);
    };
  }

  private static LocalDateTime yearStart(LocalDateTime t, int year) {
    return LocalDateTime.of(year, 1, 1, 0, 0);
  }

  static OffsetDateTime truncTz(String unit, OffsetDateTime t, ZoneId zone) {
    LocalDateTime local = t.toInstant().atZone(zone).toLocalDateTime();
    LocalDateTime cut = trunc(unit, local, TIMESTAMPTZ);
    return cut.atZone(zone).toOffsetDateTime();
  }

  static Interval truncInterval(String unit, Interval i) {
    DateUnits u = DateUnits.of(unit, INTERVAL);
    long t = i.micros();
    return switch (u) {
      case MICROSECONDS -> i;
      case MILLISECONDS -> new Interval(i.months(), i.days(), t / 1000 * 1000);
      case SECOND -> new Interval(i.months(), i.days(), t / 1_000_000 * 1_000_000);
      case MINUTE -> new Interval(i.months(), i.days(), t / 60_000_000 * 60_000_000);
      case HOUR -> new Interval(i.months(), i.days(), t / Intervals.USECS_PER_HOUR
          * Intervals.USECS_PER_HOUR);
      case DAY -> new Interval(i.months(), i.days(), 0);
      case MONTH -> new Interval(i.months(), 0, 0);
      case QUARTER -> new Interval(i.months() / 3 * 3, 0, 0);
      case YEAR -> new Interval(i.months() / 12 * 12, 0, 0);
      case DECADE -> new Interval(i.months() / 120 * 120, 0, 0);
      case CENTURY -> new Interval(i.months() / 1200 * 1200, 0, 0);
      case MILLENNIUM -> new Interval(i.months() / 12000 * 12000, 0, 0);
      default -> throw u.unsupported(unit, INTERVAL);
    };
  }
}
