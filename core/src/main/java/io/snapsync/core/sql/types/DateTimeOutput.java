package io.snapsync.core.sql.types;

import io.snapsync.core.sql.types.PgStyle.DateOrder;
import io.snapsync.core.sql.types.PgStyle.DateOutput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * date, timestamp and timestamptz text output in each DateStyle, as PostgreSQL 15's
 * {@code EncodeDateOnly} and {@code EncodeDateTime}: ISO {@code 1997-02-10 17:32:01-08},
 * SQL {@code 02/10/1997 17:32:01 PST}, Postgres {@code Mon Feb 10 17:32:01 1997 PST}, German
 * {@code 10.02.1997 17:32:01 PST}; the order (DMY or not) swaps day and month in SQL and
 * Postgres. Years before 1 print as positive years followed by {@code BC}.
 */
final class DateTimeOutput {

  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
      "Aug", "Sep", "Oct", "Nov", "Dec"};
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final DateTimeFormatter ABBREV = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private DateTimeOutput() {
  }

  static String date(LocalDate d, PgStyle style) {
    if (d.equals(LocalDate.MAX)) {
      return "infinity";
    }
    if (d.equals(LocalDate.MIN)) {
      return "-infinity";
    }
    StringBuilder sb = new StringBuilder(16);
    boolean dmy = style.order() == DateOrder.DMY;
    switch (style.dates()) {
      case SQL -> dayMonth(sb, d, dmy, '/').append('/');
      case GERMAN -> dayMonth(sb, d, true, '.').append('.');
      case POSTGRES -> dayMonth(sb, d, dmy, '-').append('-');
      default -> {
        year(sb, d).append('-');
        pad2(sb, d.getMonthValue()).append('-');
        pad2(sb, d.getDayOfMonth());
        return bc(sb, d);
      }
    }
    year(sb, d);
    return bc(sb, d);
  }

  static String timestamp(LocalDateTime ts, PgStyle style) {
    if (ts.equals(LocalDateTime.MAX)) {
      return "infinity";
    }
    if (ts.equals(LocalDateTime.MIN)) {
      return "-infinity";
    }
    return encode(ts, null, style);
  }

  static String timestamptz(OffsetDateTime v, ZoneId tz, PgStyle style) {
    if (v.equals(OffsetDateTime.MAX)) {
      return "infinity";
    }
    if (v.equals(OffsetDateTime.MIN)) {
      return "-infinity";
    }
    return encode(v.atZoneSameInstant(tz).toLocalDateTime(), v.atZoneSameInstant(tz), style);
  }

  private static String encode(LocalDateTime t, ZonedDateTime zoned, PgStyle style) {
    StringBuilder sb = new StringBuilder(40);
    LocalDate d = t.toLocalDate();
    boolean dmy = style.order() == DateOrder.DMY;
    DateOutput out = style.dates();
    switch (out) {
      case ISO -> {
        year(sb, d).append('-');
        pad2(sb, d.getMonthValue()).append('-');
        pad2(sb, d.getDayOfMonth()).append(' ');
      }
      case SQL -> year(dayMonth(sb, d, dmy, '/').append('/'), d).append(' ');
      case GERMAN -> year(dayMonth(sb, d, true, '.').append('.'), d).append(' ');
      default -> {
        sb.append(DAYS[d.getDayOfWeek().getValue() - 1]).append(' ');
        if (dmy) {
          pad2(sb, d.getDayOfMonth()).append(' ').append(MONTHS[d.getMonthValue() - 1]);
        } else {
          pad2(sb.append(MONTHS[d.getMonthValue() - 1]).append(' '), d.getDayOfMonth());
        }
        sb.append(' ');
      }
    }
    DateTimes.appendTime(sb, t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
    if (out == DateOutput.POSTGRES) {
      year(sb.append(' '), d);
    }
    if (zoned != null) {
      if (out == DateOutput.ISO) {
        DateTimes.appendOffset(sb, zoned.getOffset().getTotalSeconds());
      } else {
        String abbrev = abbreviation(zoned);
        if (abbrev != null) {
          sb.append(' ').append(abbrev);
        } else {
          if (out == DateOutput.POSTGRES) {
            sb.append(' ');
          }
          DateTimes.appendOffset(sb, zoned.getOffset().getTotalSeconds());
        }
      }
    }
    return bc(sb, d);
  }

  /** The zone abbreviation PostgreSQL prints ({@code PST}, {@code CEST}, {@code UTC}), or null. */
  private static String abbreviation(ZonedDateTime z) {
    ZoneId zone = z.getZone();
    if (zone instanceof ZoneOffset o) {
      return o.getTotalSeconds() == 0 ? "UTC" : null;
    }
    String id = zone.getId();
    if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Etc/UCT") || id.equals("UCT")
        || id.equals("Zulu") || id.equals("Universal") || id.equals("Etc/Universal")) {
      return "UTC";
    }
    if (id.equals("GMT") || id.equals("Etc/GMT") || id.equals("Greenwich")) {
      return "GMT";
    }
    String a = ABBREV.format(z);
    for (int i = 0; i < a.length(); i++) {
      if (!Character.isLetter(a.charAt(i))) {
        return null;
      }
    }
    return a;
  }

  private static StringBuilder dayMonth(StringBuilder sb, LocalDate d, boolean dmy, char sep) {
    if (dmy) {
      return pad2(pad2(sb, d.getDayOfMonth()).append(sep), d.getMonthValue());
    }
    return pad2(pad2(sb, d.getMonthValue()).append(sep), d.getDayOfMonth());
  }

  private static StringBuilder year(StringBuilder sb, LocalDate d) {
    int y = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
    String ys = Integer.toString(y);
    for (int i = ys.length(); i < 4; i++) {
      sb.append('0');
    }
    return sb.append(ys);
  }

  private static String bc(StringBuilder sb, LocalDate d) {
    return d.getYear() <= 0 ? sb.append(" BC").toString() : sb.toString();
  }

  private static StringBuilder pad2(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }
}
