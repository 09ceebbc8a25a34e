package io.snapsync.core.sql.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * date, time, timestamp and timestamptz input as PostgreSQL 15 (the DateStyle order reads
 * ambiguous dates; output is {@link DateTimeOutput}) and time output. {@code infinity}/{@code -infinity} are the MAX/MIN values of the Java classes; time
 * {@code 24:00:00} is {@link LocalTime#MAX}. timestamptz values are normalized to UTC.
 */
final class DateTimes {

  static final LocalTime TIME_24 = LocalTime.MAX;
  /** 4714-11-24 BC, the first day of PostgreSQL's Julian day 0. */
  static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);
  static final LocalDate MAX_DATE = LocalDate.of(5874897, 12, 31);
  static final LocalDateTime MIN_TIMESTAMP = MIN_DATE.atStartOfDay();
  /** First instant past PostgreSQL's timestamp range (294276-12-31 23:59:59.999999). */
  static final LocalDateTime END_TIMESTAMP = LocalDateTime.of(294277, 1, 1, 0, 0);
  private static final long[] SCALES = {1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  private DateTimes() {
  }

  static LocalDate parseDate(String text, Instant now, ZoneId tz, PgStyle.DateOrder order) {
    DateTimeFields f = DateTimeParser.parse(text, "date", order);
    if (f.special != null) {
      return switch (f.special) {
        case "epoch" -> LocalDate.EPOCH;
        case "infinity" -> LocalDate.MAX;
        case "-infinity" -> LocalDate.MIN;
        case "now", "today" -> LocalDate.ofInstant(now, tz);
        case "tomorrow" -> LocalDate.ofInstant(now, tz).plusDays(1);
        case "yesterday" -> LocalDate.ofInstant(now, tz).minusDays(1);
        default -> throw TypeErrors.datetimeSyntax("date", text);
      };
    }
    if (!f.hasDate) {
      throw TypeErrors.datetimeSyntax("date", text);
    }
    LocalDate d = LocalDate.of(f.year, f.month, f.day);
    if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
      throw TypeErrors.dateOutOfRange(text);
    }
    return d;
  }

  static LocalTime parseTime(String text, int typmod, Instant now, ZoneId tz) {
    DateTimeFields f = DateTimeParser.parse(text, "time");
    if (f.special != null) {
      return switch (f.special) {
        case "allballs" -> LocalTime.MIDNIGHT;
        case "now" -> LocalTime.ofInstant(now, tz).truncatedTo(ChronoUnit.MICROS);
        default -> throw TypeErrors.datetimeSyntax("time", text);
      };
    }
    if (!f.hasTime) {
      throw TypeErrors.datetimeSyntax("time", text);
    }
    long micros = ((f.hour * 60L + f.minute) * 60 + f.second) * 1_000_000 + f.micros;
    return timeOfMicros(round(micros, typmod));
  }

  /** micros of the day (0 to 24:00:00 inclusive) as a time value. */
  static LocalTime timeOfMicros(long micros) {
    return micros >= 86_400_000_000L ? TIME_24 : LocalTime.ofNanoOfDay(micros * 1000);
  }

  static long microsOfTime(LocalTime t) {
    return t.equals(TIME_24) ? 86_400_000_000L : t.toNanoOfDay() / 1000;
  }

  static LocalDateTime parseTimestamp(String text, int typmod, Instant now, ZoneId tz,
      PgStyle.DateOrder order) {
    DateTimeFields f = DateTimeParser.parse(text, "timestamp", order);
    if (f.special != null) {
      return switch (f.special) {
        case "epoch" -> LocalDateTime.of(1970, 1, 1, 0, 0);
        case "infinity" -> LocalDateTime.MAX;
        case "-infinity" -> LocalDateTime.MIN;
        case "now" -> LocalDateTime.ofInstant(now, tz).truncatedTo(ChronoUnit.MICROS);
        case "today" -> LocalDate.ofInstant(now, tz).atStartOfDay();
        case "tomorrow" -> LocalDate.ofInstant(now, tz).plusDays(1).atStartOfDay();
        case "yesterday" -> LocalDate.ofInstant(now, tz).minusDays(1).atStartOfDay();
        default -> throw TypeErrors.datetimeSyntax("timestamp", text);
      };
    }
    LocalDateTime ts = local(f, text, "timestamp", typmod);
    checkRange(ts, text);
    return ts;
  }

  static OffsetDateTime parseTimestamptz(String text, int typmod, Instant now, ZoneId tz,
      PgStyle.DateOrder order) {
    String name = "timestamp with time zone";
    DateTimeFields f = DateTimeParser.parse(text, name, order);
    if (f.special != null) {
      return switch (f.special) {
        case "epoch" -> OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        case "infinity" -> OffsetDateTime.MAX;
        case "-infinity" -> OffsetDateTime.MIN;
        case "now" -> OffsetDateTime.ofInstant(now, ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS);
        case "today", "tomorrow", "yesterday" -> {
          LocalDate d = LocalDate.ofInstant(now, tz)
              .plusDays(f.special.equals("today") ? 0 : f.special.equals("tomorrow") ? 1 : -1);
          yield inZone(d.atStartOfDay(), tz);
        }
        default -> throw TypeErrors.datetimeSyntax(name, text);
      };
    }
    LocalDateTime local = local(f, text, name, typmod);
    OffsetDateTime v = inZone(local, f.zone != null ? f.zone : tz);
    checkRange(v.toLocalDateTime(), text);
    return v;
  }

  /** The instant {@code local} names in {@code zone}, normalized to UTC. */
  static OffsetDateTime inZone(LocalDateTime local, ZoneId zone) {
    if (local.equals(LocalDateTime.MAX)) {
      return OffsetDateTime.MAX;
    }
    if (local.equals(LocalDateTime.MIN)) {
      return OffsetDateTime.MIN;
    }
    ZonedDateTime z = ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap();
    return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** The local date-time of {@code v} in {@code zone}. */
  static LocalDateTime local(OffsetDateTime v, ZoneId zone) {
    if (v.equals(OffsetDateTime.MAX)) {
      return LocalDateTime.MAX;
    }
    if (v.equals(OffsetDateTime.MIN)) {
      return LocalDateTime.MIN;
    }
    return v.atZoneSameInstant(zone).toLocalDateTime();
  }

  private static LocalDateTime local(DateTimeFields f, String text, String name, int typmod) {
    if (!f.hasDate) {
      throw TypeErrors.datetimeSyntax(name, text);
    }
    LocalDateTime ts = LocalDate.of(f.year, f.month, f.day).atStartOfDay();
    if (f.hasTime) {
      long micros = ((f.hour * 60L + f.minute) * 60 + f.second) * 1_000_000 + f.micros;
      ts = ts.plus(round(micros, typmod), ChronoUnit.MICROS);
    }
    return ts;
  }

  private static void checkRange(LocalDateTime ts, String text) {
    if (ts.isBefore(MIN_TIMESTAMP) || !ts.isBefore(END_TIMESTAMP)) {
      throw TypeErrors.timestampOutOfRange(text);
    }
  }

  /** Rounds {@code micros} to the precision of a time/timestamp typmod (0-6), half up. */
  static long round(long micros, int typmod) {
    if (typmod < 0 || typmod >= 6) {
      return micros;
    }
    long scale = SCALES[typmod];
    return micros >= 0 ? (micros + scale / 2) / scale * scale
        : -((-micros + scale / 2) / scale * scale);
  }

  /** Applies a precision typmod to a value of a date/time type. */
  static Object applyTypmod(Object v, int typmod) {
    if (typmod < 0 || typmod >= 6) {
      return v;
    }
    if (v instanceof LocalTime t) {
      return t.equals(TIME_24) ? t : timeOfMicros(round(microsOfTime(t), typmod));
    }
    if (v instanceof LocalDateTime ts) {
      if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
        return ts;
      }
      long us = ts.getNano() / 1000;
      return ts.withNano(0).plus(round(us, typmod), ChronoUnit.MICROS);
    }
    if (v instanceof OffsetDateTime o) {
      if (o.equals(OffsetDateTime.MAX) || o.equals(OffsetDateTime.MIN)) {
        return o;
      }
      long us = o.getNano() / 1000;
      return o.withNano(0).plus(round(us, typmod), ChronoUnit.MICROS);
    }
    return v;
  }

  static String formatTime(LocalTime t) {
    if (t.equals(TIME_24)) {
      return "24:00:00";
    }
    StringBuilder sb = new StringBuilder(15);
    appendTime(sb, t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
    return sb.toString();
  }

  static void appendOffset(StringBuilder sb, int seconds) {
    sb.append(seconds < 0 ? '-' : '+');
    int a = Math.abs(seconds);
    pad2(sb, a / 3600);
    if (a % 3600 != 0) {
      sb.append(':');
      pad2(sb, a / 60 % 60);
      if (a % 60 != 0) {
        sb.append(':');
        pad2(sb, a % 60);
      }
    }
  }

  /** {@code HH:MM:SS[.ffffff]} with the fraction's trailing zeros dropped; hours may exceed 24. */
  static void appendTime(StringBuilder sb, long h, int m, int s, long micros) {
    if (h < 10) {
      sb.append('0');
    }
    sb.append(h).append(':');
    pad2(sb, m);
    sb.append(':');
    pad2(sb, s);
    appendFraction(sb, micros);
  }

  static void appendFraction(StringBuilder sb, long micros) {
    if (micros == 0) {
      return;
    }
    String f = Long.toString(micros + 1_000_000).substring(1);
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    sb.append('.').append(f, 0, end);
  }

  private static void pad2(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    sb.append(v);
  }
}
