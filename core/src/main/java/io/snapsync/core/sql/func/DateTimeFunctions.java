package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.DATE;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INTERVAL;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TIME;
import static io.snapsync.core.session.DataType.TIMESTAMP;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * now and its kin (transaction, statement and clock time), current_date, localtimestamp,
 * localtime, age, make_date/time/timestamp/timestamptz/interval, to_timestamp(float8),
 * isfinite.
 */
final class DateTimeFunctions {

  private DateTimeFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("now", TIMESTAMPTZ, (x, c) -> at(c.transactionStart(), c.timeZone())),
        "current_timestamp", "transaction_timestamp");
    r.add(Fn.of("statement_timestamp", TIMESTAMPTZ, (x, c) -> at(c.statementStart(),
        c.timeZone())));
    r.add(Fn.of("clock_timestamp", TIMESTAMPTZ, (x, c) -> at(Instant.now(), c.timeZone()))
        .volatil());
    r.add(Fn.of("current_date", DATE, (x, c) -> local(c).toLocalDate()));
    r.add(Fn.of("localtimestamp", TIMESTAMP, (x, c) -> local(c)));
    r.add(Fn.of("localtime", TIME, (x, c) -> local(c).toLocalTime()));
    r.add(Fn.of("age", INTERVAL, (x, c) -> age((LocalDateTime) x[0], (LocalDateTime) x[1]),
        TIMESTAMP, TIMESTAMP));
    r.add(Fn.of("age", INTERVAL, (x, c) -> age(local(c).truncatedTo(ChronoUnit.DAYS),
        (LocalDateTime) x[0]), TIMESTAMP));
    r.add(Fn.of("age", INTERVAL, (x, c) -> age(inZone(x[0], c), inZone(x[1], c)), TIMESTAMPTZ,
        TIMESTAMPTZ));
    r.add(Fn.of("age", INTERVAL, (x, c) -> age(local(c).truncatedTo(ChronoUnit.DAYS),
        inZone(x[0], c)), TIMESTAMPTZ));
    r.add(Fn.of("make_date", DATE, (x, c) -> makeDate(i(x[0]), i(x[1]), i(x[2])), INT4, INT4,
        INT4));
    r.add(Fn.of("make_time", TIME, (x, c) -> makeTime(i(x[0]), i(x[1]), d(x[2])), INT4, INT4,
        FLOAT8));
    r.add(Fn.of("make_timestamp", TIMESTAMP, (x, c) -> makeDate(i(x[0]), i(x[1]), i(x[2]))
        .atTime(makeTime(i(x[3]), i(x[4]), d(x[5]))), INT4, INT4, INT4, INT4, INT4, FLOAT8));
    r.add(Fn.of("make_timestamptz", TIMESTAMPTZ, (x, c) -> makeDate(i(x[0]), i(x[1]), i(x[2]))
        .atTime(makeTime(i(x[3]), i(x[4]), d(x[5]))).atZone(c.timeZone()).toOffsetDateTime(),
        INT4, INT4, INT4, INT4, INT4, FLOAT8));
    r.add(Fn.of("make_timestamptz", TIMESTAMPTZ, (x, c) -> makeDate(i(x[0]), i(x[1]), i(x[2]))
        .atTime(makeTime(i(x[3]), i(x[4]), d(x[5]))).atZone(DateTrunc.zone((String) x[6]))
        .toOffsetDateTime(), INT4, INT4, INT4, INT4, INT4, FLOAT8, TEXT));
    List<DataType> makeInterval = new ArrayList<>();
    r.add(Fn.of("make_interval", INTERVAL, (x, c) -> makeInterval(x), List.of()));
    for (DataType t : new DataType[] {INT4, INT4, INT4, INT4, INT4, INT4, FLOAT8}) {
      makeInterval.add(t);
      r.add(Fn.of("make_interval", INTERVAL, (x, c) -> makeInterval(x), List.copyOf(makeInterval)));
    }
    r.add(Fn.of("to_timestamp", TIMESTAMPTZ, (x, c) -> toTimestamp(d(x[0]), c.timeZone()),
        FLOAT8));
    for (DataType t : new DataType[] {DATE, TIMESTAMP, TIMESTAMPTZ, INTERVAL}) {
      r.add(Fn.of("isfinite", BOOL, (x, c) -> finite(x[0]), t));
    }
  }

  /** PostgreSQL's isfinite: false for the infinity values (MIN/MAX of the Java types). */
  private static boolean finite(Object v) {
    return !(v.equals(LocalDate.MAX) || v.equals(LocalDate.MIN) || v.equals(LocalDateTime.MAX)
        || v.equals(LocalDateTime.MIN) || v.equals(OffsetDateTime.MAX)
        || v.equals(OffsetDateTime.MIN));
  }

  private static int i(Object v) {
    return ((Number) v).intValue();
  }

  private static double d(Object v) {
    return ((Number) v).doubleValue();
  }

  static OffsetDateTime at(Instant i, ZoneId zone) {
    return i.atZone(zone).toOffsetDateTime();
  }

  private static LocalDateTime local(EvalContext c) {
    return c.transactionStart().atZone(c.timeZone()).toLocalDateTime();
  }

  private static LocalDateTime inZone(Object tz, EvalContext c) {
    return ((OffsetDateTime) tz).toInstant().atZone(c.timeZone()).toLocalDateTime();
  }

  /** {@code timestamp_age}: field-wise difference with borrowing, as PostgreSQL computes it. */
  static Interval age(LocalDateTime a, LocalDateTime b) {
    boolean flip = a.isBefore(b);
    long fsec = (a.getNano() - b.getNano()) / 1000;
    long sec = a.getSecond() - b.getSecond();
    long min = a.getMinute() - b.getMinute();
    long hour = a.getHour() - b.getHour();
    long mday = a.getDayOfMonth() - b.getDayOfMonth();
    long mon = a.getMonthValue() - b.getMonthValue();
    long year = a.getYear() - b.getYear();
    if (flip) {
      fsec = -fsec;
      sec = -sec;
      min = -min;
      hour = -hour;
      mday = -mday;
      mon = -mon;
      year = -year;
    }
    while (fsec < 0) {
      fsec += 1_000_000;
      sec--;
    }
    while (sec < 0) {
      sec += 60;
      min--;
    }
    while (min < 0) {
      min += 60;
      hour--;
    }
    while (hour < 0) {
      hour += 24;
      mday--;
    }
    while (mday < 0) {
      LocalDateTime ref = flip ? a : b;
      mday += ref.toLocalDate().lengthOfMonth();
      mon--;
    }
    while (mon < 0) {
      mon += 12;
      year--;
    }
    long time = ((hour * 60 + min) * 60 + sec) * 1_000_000 + fsec;
    long months = year * 12 + mon;
    if (flip) {
      time = -time;
      months = -months;
      mday = -mday;
    }
    return new Interval((int) months, (int) mday, time);
  }

  static LocalDate makeDate(int year, int month, int day) {
    try {
      if (year == 0) {
        throw new java.time.DateTimeException("year zero");
      }
      return LocalDate.of(year < 0 ? year + 1 : year, month, day);
    } catch (java.time.DateTimeException e) {
      throw SnapsyncException.error(FuncErrors.DATETIME_OVERFLOW,
          "functions.date_field_out_of_range", String.format("%d-%02d-%02d", year, month, day));
    }
  }

  static LocalTime makeTime(int hour, int min, double sec) {
    long micros = Math.round(sec * 1_000_000);
    if (hour < 0 || hour > 24 || min < 0 || min > 59 || micros < 0 || micros > 60_000_000
        || hour == 24 && (min > 0 || micros > 0)) {
      throw SnapsyncException.error(FuncErrors.DATETIME_OVERFLOW,
          "functions.time_field_out_of_range", String.format("%d:%02d:%s", hour, min,
              sec == Math.rint(sec) ? String.format("%02d", (long) sec) : Double.toString(sec)));
    }
    long total = (hour * 60L + min) * 60_000_000L + micros;
    return total >= Intervals.USECS_PER_DAY ? LocalTime.MAX
        : LocalTime.ofNanoOfDay(total * 1000);
  }

  /** make_interval(years, months, weeks, days, hours, mins, secs), trailing ones defaulting 0. */
  private static Interval makeInterval(Object[] x) {
    long[] f = new long[6];
    for (int k = 0; k < Math.min(6, x.length); k++) {
      f[k] = ((Number) x[k]).longValue();
    }
    double secs = x.length > 6 ? d(x[6]) : 0;
    long months = f[0] * 12 + f[1];
    long days = f[2] * 7 + f[3];
    double micros = (f[4] * 3600.0 + f[5] * 60.0 + secs) * 1_000_000;
    if (months != (int) months || days != (int) days || Double.isNaN(micros)
        || Math.abs(micros) > 9.2e18) {
      throw Intervals.outOfRange();
    }
    return new Interval((int) months, (int) days, Math.round(micros));
  }

  private static OffsetDateTime toTimestamp(double secs, ZoneId zone) {
    if (Double.isNaN(secs)) {
      throw SnapsyncException.error(FuncErrors.DATETIME_OVERFLOW, "functions.timestamp_nan");
    }
    if (Double.isInfinite(secs) || Math.abs(secs) > 9.2e12) {
      throw SnapsyncException.error(FuncErrors.DATETIME_OVERFLOW,
          "functions.timestamp_out_of_range_value", Double.toString(secs));
    }
    long micros = Math.round(secs * 1_000_000);
    Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1000);
    return at(at, zone);
  }
}
