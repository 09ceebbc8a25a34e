package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * {@code to_date(text, pattern)} and {@code to_timestamp(text, pattern)} for the patterns
 * to_char prints most: YYYY YY MM DD DDD HH HH12 HH24 MI SS MS US Mon Month AM PM; separators
 * and spaces in the input are skipped loosely, as PostgreSQL does without FX.
 */
final class DateTimeParse {

  private DateTimeParse() {
  }

  static LocalDateTime parse(String text, String pattern) {
    int year = 1;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    long micros = 0;
    Boolean pm = null;
    int[] pos = {0};
    int i = 0;
    String p = pattern.replace("FM", "").replace("fm", "");
    while (i < p.length()) {
      String rest = p.substring(i);
      String up = rest.toUpperCase(Locale.ROOT);
      skipSpaces(text, pos);
      if (up.startsWith("YYYY")) {
        year = digits(text, pos, 4, text);
        i += 4;
      } else if (up.startsWith("YY")) {
        int y = digits(text, pos, 2, text);
        year = y < 70 ? 2000 + y : 1900 + y;
        i += 2;
      } else if (up.startsWith("MONTH") || up.startsWith("MON")) {
        month = monthName(text, pos);
        i += up.startsWith("MONTH") ? 5 : 3;
      } else if (up.startsWith("MM")) {
        month = digits(text, pos, 2, text);
        i += 2;
      } else if (up.startsWith("DD")) {
        day = digits(text, pos, 2, text);
        i += 2;
      } else if (up.startsWith("HH24")) {
        hour = digits(text, pos, 2, text);
        i += 4;
      } else if (up.startsWith("HH12") || up.startsWith("HH")) {
        hour = digits(text, pos, 2, text);
        i += up.startsWith("HH12") ? 4 : 2;
      } else if (up.startsWith("MI")) {
        minute = digits(text, pos, 2, text);
        i += 2;
      } else if (up.startsWith("SS")) {
        second = digits(text, pos, 2, text);
        i += 2;
      } else if (up.startsWith("MS")) {
        micros = digits(text, pos, 3, text) * 1000L;
        i += 2;
      } else if (up.startsWith("US")) {
        micros = digits(text, pos, 6, text);
        i += 2;
      } else if (up.startsWith("AM") || up.startsWith("PM")) {
        String m = text.substring(pos[0], Math.min(pos[0] + 2, text.length()))
            .toUpperCase(Locale.ROOT);
        pm = m.equals("PM");
        pos[0] = Math.min(pos[0] + 2, text.length());
        i += 2;
      } else {
        if (pos[0] < text.length() && !Character.isLetterOrDigit(text.charAt(pos[0]))) {
          pos[0]++;
        }
        i++;
      }
    }
    if (pm != null) {
      hour = hour % 12 + (pm ? 12 : 0);
    }
    try {
      return LocalDate.of(year, month, day).atTime(hour, minute, second, (int) micros * 1000);
    } catch (java.time.DateTimeException e) {
      throw outOfRange(text);
    }
  }

  private static void skipSpaces(String text, int[] pos) {
    while (pos[0] < text.length() && text.charAt(pos[0]) == ' ') {
      pos[0]++;
    }
  }

  private static int digits(String text, int[] pos, int max, String whole) {
    int start = pos[0];
    if (start < text.length() && (text.charAt(start) == '-' || text.charAt(start) == '+')) {
      pos[0]++;
    }
    while (pos[0] < text.length() && pos[0] - start < max && Character.isDigit(
        text.charAt(pos[0]))) {
      pos[0]++;
    }
    if (pos[0] == start) {
      throw SnapsyncException.error(FuncErrors.INVALID_DATETIME_FORMAT,
          "functions.to_date_bad_value", whole);
    }
    return Integer.parseInt(text.substring(start, pos[0]));
  }

  private static int monthName(String text, int[] pos) {
    String rest = text.substring(pos[0]).toLowerCase(Locale.ROOT);
    for (java.time.Month m : java.time.Month.values()) {
      String full = m.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
          .toLowerCase(Locale.ROOT);
      if (rest.startsWith(full)) {
        pos[0] += full.length();
        return m.getValue();
      }
      if (rest.startsWith(full.substring(0, 3))) {
        pos[0] += 3;
        return m.getValue();
      }
    }
    throw SnapsyncException.error(FuncErrors.INVALID_DATETIME_FORMAT,
        "functions.to_date_bad_value", text);
  }

  private static SnapsyncException outOfRange(String text) {
    return SnapsyncException.error(FuncErrors.DATETIME_OVERFLOW,
        "functions.datetime_field_out_of_range", text);
  }
}
