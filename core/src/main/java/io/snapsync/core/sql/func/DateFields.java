package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.DATE;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INTERVAL;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TIME;
import static io.snapsync.core.session.DataType.TIMESTAMP;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;

/**
 * {@code extract(field from x)} (numeric, as in PostgreSQL 14+) and {@code date_part} (float8)
 * for timestamp, timestamptz (in the session zone), date, time and interval. The engine maps
 * {@code EXTRACT(f FROM x)} to {@code extract('f', x)}.
 */
final class DateFields {

  private DateFields() {
  }

  static void register(Registry r) {
    for (DataType t : new DataType[] {TIMESTAMP, TIMESTAMPTZ, DATE, TIME, INTERVAL}) {
      r.add(Fn.of("extract", NUMERIC, (x, c) -> extract((String) x[0], x[1], t, c), TEXT, t));
      DataType viaType = t == DATE ? TIMESTAMP : t;
      r.add(Fn.of("date_part", FLOAT8, (x, c) -> ((BigDecimal) extract((String) x[0],
          t == DATE ? ((LocalDate) x[1]).atStartOfDay() : x[1], viaType, c)).doubleValue(),
          TEXT, t));
    }
  }

  static Object extract(String unit, Object v, DataType t, EvalContext c) {
    DateUnits u = DateUnits.of(unit, t);
    return switch (t) {
      case TIMESTAMP -> ofTimestamp(u, unit, (LocalDateTime) v, null, t);
      case TIMESTAMPTZ -> ofTimestamp(u, unit, ((OffsetDateTime) v).toLocalDateTime(),
          ((OffsetDateTime) v).toInstant().atZone(c.timeZone()), t);
      case DATE -> ofDate(u, unit, (LocalDate) v);
      case TIME -> ofTime(u, unit, (LocalTime) v);
      default -> ofInterval(u, unit, (Interval) v);
    };
  }

  private static BigDecimal ofTimestamp(DateUnits u, String unit, LocalDateTime utcOrLocal,
      ZonedDateTime zoned, DataType t) {
    LocalDateTime ts = zoned == null ? utcOrLocal : zoned.toLocalDateTime();
    long usOfMinute = ts.getSecond() * 1_000_000L + ts.getNano() / 1000;
    return switch (u) {
      case MICROSECONDS -> BigDecimal.valueOf(usOfMinute);
      case MILLISECONDS -> BigDecimal.valueOf(usOfMinute, 3);
      case SECOND -> BigDecimal.valueOf(usOfMinute, 6);
      case MINUTE -> BigDecimal.valueOf(ts.getMinute());
      case HOUR -> BigDecimal.valueOf(ts.getHour());
      case EPOCH -> BigDecimal.valueOf(zoned == null ? DateTimeOperators.micros(ts)
          : DateTimeOperators.micros(zoned.toInstant()), 6);
      case JULIAN -> BigDecimal.valueOf(ts.toLocalDate().getLong(JulianFields.JULIAN_DAY))
          .add(Numbers.divide(BigDecimal.valueOf(ts.toLocalTime().toNanoOfDay() / 1000),
              BigDecimal.valueOf(Intervals.USECS_PER_DAY)));
      case TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE -> {
        if (zoned == null) {
          throw u.unsupported(unit, t);
        }
        int off = zoned.getOffset().getTotalSeconds();
        yield BigDecimal.valueOf(u == DateUnits.TIMEZONE ? off : u == DateUnits.TIMEZONE_HOUR
            ? off / 3600 : off / 60 % 60);
      }
      default -> dateField(u, ts.toLocalDate(), () -> u.unsupported(unit, t));
    };
  }

  private static BigDecimal ofDate(DateUnits u, String unit, LocalDate d) {
    return switch (u) {
      case EPOCH -> BigDecimal.valueOf(d.toEpochDay() * 86400L);
      case JULIAN -> BigDecimal.valueOf(d.getLong(JulianFields.JULIAN_DAY));
      default -> dateField(u, d, () -> u.unsupported(unit, DATE));
    };
  }

  private static BigDecimal dateField(DateUnits u, LocalDate d,
      java.util.function.Supplier<RuntimeException> unsupported) {
    int y = d.getYear();
    return BigDecimal.valueOf(switch (u) {
      case DAY -> d.getDayOfMonth();
      case MONTH -> d.getMonthValue();
      case QUARTER -> (d.getMonthValue() - 1) / 3 + 1;
      case YEAR -> y > 0 ? y : y - 1;
      case DECADE -> y >= 0 ? y / 10 : -((8 - (y - 1)) / 10);
      case CENTURY -> y > 0 ? (y + 99) / 100 : -((99 - (y - 1)) / 100);
      case MILLENNIUM -> y > 0 ? (y + 999) / 1000 : -((999 - (y - 1)) / 1000);
      case WEEK -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case ISOYEAR -> {
        int iy = d.get(IsoFields.WEEK_BASED_YEAR);
        yield iy > 0 ? iy : iy - 1;
      }
      case DOW -> d.getDayOfWeek().getValue() % 7;
      case ISODOW -> d.getDayOfWeek().getValue();
      case DOY -> d.getDayOfYear();
      default -> throw unsupported.get();
    });
  }

  private static BigDecimal ofTime(DateUnits u, String unit, LocalTime t) {
    long usOfMinute = t.getSecond() * 1_000_000L + t.getNano() / 1000;
    return switch (u) {
      case MICROSECONDS -> BigDecimal.valueOf(usOfMinute);
      case MILLISECONDS -> BigDecimal.valueOf(usOfMinute, 3);
      case SECOND -> BigDecimal.valueOf(usOfMinute, 6);
      case MINUTE -> BigDecimal.valueOf(t.getMinute());
      case HOUR -> BigDecimal.valueOf(t.getHour());
      case EPOCH -> BigDecimal.valueOf(t.toNanoOfDay() / 1000, 6);
      default -> throw u.unsupported(unit, TIME);
    };
  }

  private static BigDecimal ofInterval(DateUnits u, String unit, Interval i) {
    long time = i.micros();
    long usOfMinute = time % 60_000_000L;
    int years = i.months() / 12;
    return switch (u) {
      case MICROSECONDS -> BigDecimal.valueOf(usOfMinute);
      case MILLISECONDS -> BigDecimal.valueOf(usOfMinute, 3);
      case SECOND -> BigDecimal.valueOf(usOfMinute, 6);
      case MINUTE -> BigDecimal.valueOf(time / 60_000_000L % 60);
      case HOUR -> BigDecimal.valueOf(time / Intervals.USECS_PER_HOUR);
      case DAY -> BigDecimal.valueOf(i.days());
      case MONTH -> BigDecimal.valueOf(i.months() % 12);
      case QUARTER -> BigDecimal.valueOf(i.months() % 12 / 3 + 1);
      case YEAR -> BigDecimal.valueOf(years);
      case DECADE -> BigDecimal.valueOf(years / 10);
      case CENTURY -> BigDecimal.valueOf(years / 100);
      case MILLENNIUM -> BigDecimal.valueOf(years / 1000);
      case EPOCH -> {
        BigDecimal secs = BigDecimal.valueOf(time, 6);
        BigDecimal yearSecs = BigDecimal.valueOf(years).multiply(BigDecimal.valueOf(31557600));
        BigDecimal monthSecs = BigDecimal.valueOf(i.months() % 12).multiply(
            BigDecimal.valueOf(30L * 86400));
        BigDecimal daySecs = BigDecimal.valueOf(i.days() * 86400L);
        yield yearSecs.add(monthSecs).add(daySecs).add(secs);
      }
      default -> throw u.unsupported(unit, INTERVAL);
    };
  }
}
