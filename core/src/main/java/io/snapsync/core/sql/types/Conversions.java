package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Casts among the date/time types (through the session zone for timestamptz), interval and
 * time, json and jsonb, and a typmod re-applied within one type.
 */
final class Conversions {

  private Conversions() {
  }

  static Object other(Object v, DataType from, DataType to, int typmod, ZoneId tz) {
    if (from == to) {
      return sameType(v, to, typmod);
    }
    switch (to) {
      case DATE:
        return toDate(v, from, to, tz);
      case TIMESTAMP:
        return DateTimes.applyTypmod(toTimestamp(v, from, to, tz), typmod);
      case TIMESTAMPTZ:
        return DateTimes.applyTypmod(toTimestamptz(v, from, to, tz), typmod);
      case TIME:
        return DateTimes.applyTypmod(toTime(v, from, to, tz), typmod);
      case INTERVAL:
        if (from == DataType.TIME) {
          return Intervals.applyTypmod(
              new Interval(0, 0, DateTimes.microsOfTime((LocalTime) v)), typmod);
        }
        throw TypeErrors.cannotCast(from, to);
      case JSON:
        if (from == DataType.JSONB) {
          return new Json(((Json) v).text(), false);
        }
        throw TypeErrors.cannotCast(from, to);
      case JSONB:
        if (from == DataType.JSON) {
          return JsonValues.parse(((Json) v).text(), true);
        }
        throw TypeErrors.cannotCast(from, to);
      default:
        throw TypeErrors.cannotCast(from, to);
    }
  }

  private static Object sameType(Object v, DataType type, int typmod) {
    switch (type) {
      case TIME:
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return DateTimes.applyTypmod(v, typmod);
      case INTERVAL:
        return Intervals.applyTypmod((Interval) v, typmod);
      default:
        return v;
    }
  }

  private static LocalDate toDate(Object v, DataType from, DataType to, ZoneId tz) {
    LocalDateTime ts = switch (from) {
      case TIMESTAMP -> (LocalDateTime) v;
      case TIMESTAMPTZ -> DateTimes.local((OffsetDateTime) v, tz);
      default -> throw TypeErrors.cannotCast(from, to);
    };
    if (ts.equals(LocalDateTime.MAX)) {
      return LocalDate.MAX;
    }
    if (ts.equals(LocalDateTime.MIN)) {
      return LocalDate.MIN;
    }
    return ts.toLocalDate();
  }

  private static LocalDateTime toTimestamp(Object v, DataType from, DataType to, ZoneId tz) {
    switch (from) {
      case DATE: {
        LocalDate d = (LocalDate) v;
        if (d.equals(LocalDate.MAX)) {
          return LocalDateTime.MAX;
        }
        if (d.equals(LocalDate.MIN)) {
          return LocalDateTime.MIN;
        }
        if (!d.atStartOfDay().isBefore(DateTimes.END_TIMESTAMP)) {
          throw TypeErrors.dateOutOfRangeForTimestamp();
        }
        return d.atStartOfDay();
      }
      case TIMESTAMPTZ:
        return DateTimes.local((OffsetDateTime) v, tz);
      default:
        throw TypeErrors.cannotCast(from, to);
    }
  }

  private static OffsetDateTime toTimestamptz(Object v, DataType from, DataType to,
      ZoneId tz) {
    switch (from) {
      case DATE:
        return DateTimes.inZone(toTimestamp(v, from, to, tz), tz);
      case TIMESTAMP:
        return DateTimes.inZone((LocalDateTime) v, tz);
      default:
        throw TypeErrors.cannotCast(from, to);
    }
  }

  private static LocalTime toTime(Object v, DataType from, DataType to, ZoneId tz) {
    LocalDateTime ts = switch (from) {
      case TIMESTAMP -> (LocalDateTime) v;
      case TIMESTAMPTZ -> DateTimes.local((OffsetDateTime) v, tz);
      case INTERVAL -> null;
      default -> throw TypeErrors.cannotCast(from, to);
    };
    if (ts == null) {
      long us = ((Interval) v).micros() % 86_400_000_000L;
      return DateTimes.timeOfMicros(us < 0 ? us + 86_400_000_000L : us);
    }
    if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
      throw TypeErrors.timestampOutOfRange();
    }
    return ts.toLocalTime();
  }
}
