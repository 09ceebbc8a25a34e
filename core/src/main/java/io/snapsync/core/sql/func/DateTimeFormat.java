package io.snapsync.core.sql.func;

import io.snapsync.core.sql.types.Interval;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;
import java.util.Locale;

/**
 * {@code to_char} for timestamp, timestamptz (session zone) and interval: YYYY YYY YY Y IYYY
 * MM Mon Month DD DDD D ID Dy Day HH HH12 HH24 MI SS MS US AM/PM (and a.m. forms) Q WW IW J CC
 * TZ OF, the FM prefix, TH/th suffixes, "quoted" text and {@code \\"} for a double quote.
 */
final class DateTimeFormat {

  private static final String[] TOKENS = {"YYYY", "IYYY", "YYY", "IYY", "YY", "IY", "Y",
      "HH24", "HH12", "HH", "MI", "SSSSS", "SSSS", "SS", "MS", "US", "A.M.", "P.M.", "a.m.",
      "p.m.", "AM", "PM", "am", "pm", "MONTH", "Month", "month", "MON", "Mon", "mon", "MM",
      "DAY", "Day", "day", "DY", "Dy", "dy", "DDD", "DD", "D", "ID", "IW", "WW", "W", "Q", "J",
      "CC", "TZ", "tz", "OF"};

  /** The fields a pattern may print. */
  record Fields(long year, int month, int day, long hour, int minute, int second, int micros,
      int dow, int doy, long isoYear, int isoWeek, long julian, String zone, Integer offset) {

    static Fields of(LocalDateTime t, ZonedDateTime zoned) {
      return new Fields(t.getYear() > 0 ? t.getYear() : t.getYear() - 1, t.getMonthValue(),
          t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000,
          t.getDayOfWeek().getValue() % 7, t.getDayOfYear(),
          t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
          t.toLocalDate().getLong(JulianFields.JULIAN_DAY),
          zoned == null ? "" : zoneAbbrev(zoned),
          zoned == null ? null : zoned.getOffset().getTotalSeconds());
    }

    static Fields of(Interval i) {
      long micros = i.micros();
      return new Fields(i.months() / 12, i.months() % 12, i.days(),
          micros / Intervals.USECS_PER_HOUR, (int) (micros / 60_000_000L % 60),
          (int) (micros / 1_000_000L % 60), (int) (micros % 1_000_000L), 0, 0, 0, 0, 0, "",
          null);
    }

    private static String zoneAbbrev(ZonedDateTime z) {
      return java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(z);
    }
  }

  private DateTimeFormat() {
  }

  static String format(Fields f, String pattern) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char ch = pattern.charAt(i);
      if (ch == '"') {
        int end = i + 1;
        while (end < pattern.length() && pattern.charAt(end) != '"') {
          if (pattern.charAt(end) == '\\' && end + 1 < pattern.length()) {
            end++;
          }
          out.append(pattern.charAt(end));
          end++;
        }
        i = end + 1;
        continue;
      }
      if (ch == '\\' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
        out.append('"');
        i += 2;
        continue;
      }
      boolean fm = false;
      int at = i;
      if (pattern.startsWith("FM", at) || pattern.startsWith("fm", at)) {
        fm = true;
        at += 2;
      }
      String token = tokenAt(pattern, at);
      if (token == null) {
        out.append(fm ? pattern.substring(i, at) : String.valueOf(ch));
        i = fm ? at : i + 1;
        continue;
      }
      at += token.length();
      String suffix = null;
      if (pattern.startsWith("TH", at) || pattern.startsWith("th", at)) {
        suffix = pattern.substring(at, at + 2);
        at += 2;
      }
      out.append(render(token, f, fm, suffix));
      i = at;
    }
    return out.toString();
  }

  private static String tokenAt(String p, int at) {
    for (String t : TOKENS) {
      if (p.startsWith(t, at)) {
        return t;
      }
    }
    return null;
  }

  private static String render(String t, Fields f, boolean fm, String suffix) {
    long hour12 = f.hour() % 12 == 0 ? 12 : f.hour() % 12;
    boolean pm = f.hour() % 24 >= 12;
    String s = switch (t) {
      case "YYYY" -> num(f.year(), 4, fm, suffix);
      case "YYY" -> num(Math.abs(f.year()) % 1000, 3, fm, suffix);
      case "YY" -> num(Math.abs(f.year()) % 100, 2, fm, suffix);
      case "Y" -> num(Math.abs(f.year()) % 10, 1, fm, suffix);
      case "IYYY" -> num(f.isoYear(), 4, fm, suffix);
      case "IYY" -> num(f.isoYear() % 1000, 3, fm, suffix);
      case "IY" -> num(f.isoYear() % 100, 2, fm, suffix);
      case "HH24" -> num(f.hour(), 2, fm, suffix);
      case "HH12", "HH" -> num(hour12, 2, fm, suffix);
      case "MI" -> num(f.minute(), 2, fm, suffix);
      case "SS" -> num(f.second(), 2, fm, suffix);
      case "SSSS", "SSSSS" -> num((f.hour() * 60 + f.minute()) * 60 + f.second(), 1, fm,
          suffix);
      case "MS" -> num(f.micros() / 1000, 3, fm, suffix);
      case "US" -> num(f.micros(), 6, fm, suffix);
      case "AM", "PM" -> pm ? "PM" : "AM";
      case "am", "pm" -> pm ? "pm" : "am";
      case "A.M.", "P.M." -> pm ? "P.M." : "A.M.";
      case "a.m.", "p.m." -> pm ? "p.m." : "a.m.";
      case "MONTH", "Month", "month" -> name(java.time.Month.of(Math.max(f.month(), 1))
          .getDisplayName(TextStyle.FULL, Locale.ENGLISH), t, fm);
      case "MON", "Mon", "mon" -> name(java.time.Month.of(Math.max(f.month(), 1))
          .getDisplayName(TextStyle.SHORT, Locale.ENGLISH), t, true);
      case "MM" -> num(f.month(), 2, fm, suffix);
      case "DAY", "Day", "day" -> name(dayName(f.dow(), TextStyle.FULL), t, fm);
      case "DY", "Dy", "dy" -> name(dayName(f.dow(), TextStyle.SHORT), t, true);
      case "DDD" -> num(f.doy(), 3, fm, suffix);
      case "DD" -> num(f.day(), 2, fm, suffix);
      case "D" -> num(f.dow() + 1, 1, fm, suffix);
      case "ID" -> num(f.dow() == 0 ? 7 : f.dow(), 1, fm, suffix);
      case "IW" -> num(f.isoWeek(), 2, fm, suffix);
      case "WW" -> num((f.doy() - 1) / 7 + 1, 2, fm, suffix);
      case "W" -> num((f.day() - 1) / 7 + 1, 1, fm, suffix);
      case "Q" -> num((f.month() - 1) / 3 + 1, 1, fm, suffix);
      case "J" -> num(f.julian(), 1, fm, suffix);
      case "CC" -> num(f.year() > 0 ? (f.year() + 99) / 100 : -((99 - f.year()) / 100), 2, fm,
          suffix);
      case "TZ" -> f.zone().toUpperCase(Locale.ROOT);
      case "tz" -> f.zone().toLowerCase(Locale.ROOT);
      case "OF" -> offset(f.offset());
      default -> t;
    };
    return s;
  }

  private static String dayName(int dow, TextStyle style) {
    return java.time.DayOfWeek.of(dow == 0 ? 7 : dow).getDisplayName(style, Locale.ENGLISH);
  }

  private static String name(String n, String token, boolean fm) {
    String cased = Character.isUpperCase(token.charAt(1)) ? n.toUpperCase(Locale.ROOT)
        : Character.isLowerCase(token.charAt(0)) ? n.toLowerCase(Locale.ROOT) : n;
    return fm ? cased : String.format("%-9s", cased);
  }

  private static String num(long v, int width, boolean fm, String suffix) {
    String digits = Long.toString(Math.abs(v));
    if (!fm && digits.length() < width) {
      digits = "0".repeat(width - digits.length()) + digits;
    }
    String s = (v < 0 ? "-" : "") + digits;
    return suffix == null ? s : s + ordinal(Math.abs(v), suffix.equals("TH"));
  }

  private static String ordinal(long v, boolean upper) {
    String s = v % 100 >= 11 && v % 100 <= 13 ? "th" : switch ((int) (v % 10)) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return upper ? s.toUpperCase(Locale.ROOT) : s;
  }

  private static String offset(Integer seconds) {
    if (seconds == null) {
      return "+00";
    }
    int a = Math.abs(seconds);
    String s = (seconds < 0 ? "-" : "+") + String.format("%02d", a / 3600);
    return a % 3600 == 0 ? s : s + String.format(":%02d", a % 3600 / 60);
  }
}
