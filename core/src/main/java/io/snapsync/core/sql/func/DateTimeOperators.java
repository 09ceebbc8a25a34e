package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.DATE;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INTERVAL;
import static io.snapsync.core.session.DataType.TIME;
import static io.snapsync.core.session.DataType.TIMESTAMP;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.sql.types.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Date/time arithmetic: date ± int, date - date, date ± interval, date + time, timestamp and
 * timestamptz ± interval (months and days in the session zone for timestamptz), timestamp -
 * timestamp, time ± interval, time - time, interval ± interval, interval * / float8, -interval.
 */
final class DateTimeOperators {

  private static final int MAX_YEAR = 294276;

  private DateTimeOperators() {
  }

  static void register(Registry r) {
    r.add(Fn.of("+", DATE, (x, c) -> date(((LocalDate) x[0]).plusDays(i(x[1]))), DATE, INT4));
    r.add(Fn.of("+", DATE, (x, c) -> date(((LocalDate) x[1]).plusDays(i(x[0]))), INT4, DATE));
    r.add(Fn.of("-", DATE, (x, c) -> date(((LocalDate) x[0]).minusDays(i(x[1]))), DATE, INT4));
    r.add(Fn.of("-", INT4, (x, c) -> (int) ChronoUnit.DAYS.between((LocalDate) x[1],
        (LocalDate) x[0]), DATE, DATE));
    r.add(Fn.of("+", TIMESTAMP, (x, c) -> plus(((LocalDate) x[0]).atStartOfDay(), iv(x[1])),
        DATE, INTERVAL));
    r.add(Fn.of("+", TIMESTAMP, (x, c) -> plus(((LocalDate) x[1]).atStartOfDay(), iv(x[0])),
        INTERVAL, DATE));
    r.add(Fn.of("-", TIMESTAMP, (x, c) -> plus(((LocalDate) x[0]).atStartOfDay(),
        Intervals.negate(iv(x[1]))), DATE, INTERVAL));
    r.add(Fn.of("+", TIMESTAMP, (x, c) -> ((LocalDate) x[0]).atTime((LocalTime) x[1]), DATE,
        TIME));
    r.add(Fn.of("+", TIMESTAMP, (x, c) -> ((LocalDate) x[1]).atTime((LocalTime) x[0]), TIME,
        DATE));
    r.add(Fn.of("+", TIMESTAMP, (x, c) -> plus((LocalDateTime) x[0], iv(x[1])), TIMESTAMP,
        INTERVAL));
    r.add(Fn.of("+", TIMESTAMP, (x, c) -> plus((LocalDateTime) x[1], iv(x[0])), INTERVAL,
        TIMESTAMP));
    r.add(Fn.of("-", TIMESTAMP, (x, c) -> plus((LocalDateTime) x[0], Intervals.negate(iv(x[1]))),
        TIMESTAMP, INTERVAL));
    r.add(Fn.of("-", INTERVAL, (x, c) -> between(micros((LocalDateTime) x[1]),
        micros((LocalDateTime) x[0])), TIMESTAMP, TIMESTAMP));
    r.add(Fn.of("+", TIMESTAMPTZ, (x, c) -> plus(tz(x[0]), iv(x[1]), c.timeZone()), TIMESTAMPTZ,
        INTERVAL));
    r.add(Fn.of("+", TIMESTAMPTZ, (x, c) -> plus(tz(x[1]), iv(x[0]), c.timeZone()), INTERVAL,
        TIMESTAMPTZ));
    r.add(Fn.of("-", TIMESTAMPTZ, (x, c) -> plus(tz(x[0]), Intervals.negate(iv(x[1])),
        c.timeZone()), TIMESTAMPTZ, INTERVAL));
    r.add(Fn.of("-", INTERVAL, (x, c) -> between(micros(tz(x[1]).toInstant()),
        micros(tz(x[0]).toInstant())), TIMESTAMPTZ, TIMESTAMPTZ));
    r.add(Fn.of("+", TIME, (x, c) -> timePlus((LocalTime) x[0], iv(x[1]).micros()), TIME,
        INTERVAL));
    r.add(Fn.of("+", TIME, (x, c) -> timePlus((LocalTime) x[1], iv(x[0]).micros()), INTERVAL,
        TIME));
    r.add(Fn.of("-", TIME, (x, c) -> timePlus((LocalTime) x[0], -iv(x[1]).micros()), TIME,
        INTERVAL));
    r.add(Fn.of("-", INTERVAL, (x, c) -> new Interval(0, 0, ((LocalTime) x[0]).toNanoOfDay()
        / 1000 - ((LocalTime) x[1]).toNanoOfDay() / 1000), TIME, TIME));
    r.add(Fn.of("+", INTERVAL, (x, c) -> Intervals.add(iv(x[0]), iv(x[1])), INTERVAL, INTERVAL));
    r.add(Fn.of("-", INTERVAL, (x, c) -> Intervals.subtract(iv(x[0]), iv(x[1])), INTERVAL,
        INTERVAL));
    r.add(Fn.of("-", INTERVAL, (x, c) -> Intervals.negate(iv(x[0])), INTERVAL));
    r.add(Fn.of("+", INTERVAL, (x, c) -> x[0], INTERVAL));
    r.add(Fn.of("*", INTERVAL, (x, c) -> Intervals.multiply(iv(x[0]), d(x[1])), INTERVAL,
        FLOAT8));
    r.add(Fn.of("*", INTERVAL, (x, c) -> Intervals.multiply(iv(x[1]), d(x[0])), FLOAT8,
        INTERVAL));
    r.add(Fn.of("/", INTERVAL, (x, c) -> Intervals.divide(iv(x[0]), d(x[1])), INTERVAL,
        FLOAT8));
  }

  static Interval iv(Object v) {
    return (Interval) v;
  }

  static OffsetDateTime tz(Object v) {
    return (OffsetDateTime) v;
  }

  private static int i(Object v) {
    return ((Number) v).intValue();
  }

  private static double d(Object v) {
    return ((Number) v).doubleValue();
  }

  static LocalDate date(LocalDate d) {
    if (Math.abs(d.getYear()) > 5874897) {
      throw SnapsyncException.error(FuncErrors.DATETIME_OVERFLOW, "functions.date_out_of_range");
    }
    return d;
  }

  static LocalDateTime timestamp(LocalDateTime t) {
    if (t.getYear() > MAX_YEAR || t.getYear() < -4713) {
      throw timestampOutOfRange();
    }
    return t;
  }

  static SnapsyncException timestampOutOfRange() {
    return SnapsyncException.error(FuncErrors.DATETIME_OVERFLOW,
        "functions.timestamp_out_of_range");
  }

  /** {@code timestamp_pl_interval}: months (day clamped to the month), then days, then time. */
  static LocalDateTime plus(LocalDateTime t, Interval i) {
    try {
      return timestamp(t.plusMonths(i.months()).plusDays(i.days()).plus(i.micros(),
          ChronoUnit.MICROS));
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw timestampOutOfRange();
    }
  }

  /** {@code timestamptz_pl_interval}: months and days on the wall clock of {@code zone}. */
  static OffsetDateTime plus(OffsetDateTime t, Interval i, ZoneId zone) {
    try {
      Instant at = t.toInstant().atZone(zone).plusMonths(i.months()).plusDays(i.days())
          .toInstant().plus(i.micros(), ChronoUnit.MICROS);
      OffsetDateTime r = at.atZone(zone).toOffsetDateTime();
      timestamp(r.toLocalDateTime());
      return r;
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw timestampOutOfRange();
    }
  }

  static long micros(LocalDateTime t) {
    return micros(t.toInstant(java.time.ZoneOffset.UTC));
  }

  static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  /** {@code timestamp_mi}: the difference in time, whole days justified out of it. */
  private static Interval between(long fromMicros, long toMicros) {
    return JustifyFunctions.hours(new Interval(0, 0, toMicros - fromMicros));
  }

  private static LocalTime timePlus(LocalTime t, long micros) {
    long r = (t.toNanoOfDay() / 1000 + micros) % Intervals.USECS_PER_DAY;
    if (r < 0) {
      r += Intervals.USECS_PER_DAY;
    }
    return LocalTime.ofNanoOfDay(r * 1000);
  }
}
