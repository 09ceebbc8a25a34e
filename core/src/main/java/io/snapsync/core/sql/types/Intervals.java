package io.snapsync.core.sql.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * interval input (PostgreSQL's {@code 1 year 2 mons -3 days 04:05:06.5}, {@code @ 1 hour ago},
 * SQL {@code 1-2} and {@code 1 02:00:00}, ISO 8601 {@code P1Y2M3DT4H}), output in
 * IntervalStyle {@code postgres}, and the 30-day-month/24-hour-day order PostgreSQL compares by.
 */
final class Intervals {

  private static final long US_PER_DAY = 86_400_000_000L;
  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(?<time>[+-]?\\d+:\\d+(?::\\d+)?(?:\\.\\d*)?)"
          + "|(?<ym>[+-]?\\d+-\\d+)(?![\\d:])"
          + "|(?<num>[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?)\\s*(?<unit>[a-z]+)?"
          + "|(?<word>[a-z@]+))");
  private static final Pattern ISO = Pattern.compile("p(?<date>[^t]*)(?:t(?<time>.*))?");
  private static final Pattern ISO_PART = Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-z])");
  private static final Map<String, String> UNITS = new HashMap<>();

  static {
    unit("us", "microsecond", "microseconds", "us", "usec", "usecs", "useconds");
    unit("ms", "millisecond", "milliseconds", "ms", "msec", "msecs", "mseconds");
    unit("s", "second", "seconds", "s", "sec", "secs");
    unit("m", "minute", "minutes", "m", "min", "mins");
    unit("h", "hour", "hours", "h", "hr", "hrs");
    unit("d", "day", "days", "d");
    unit("w", "week", "weeks", "w");
    unit("mon", "month", "months", "mon", "mons");
    unit("y", "year", "years", "y", "yr", "yrs");
    unit("dec", "decade", "decades", "dec", "decs");
    unit("c", "century", "centuries", "c", "cent");
    unit("mil", "millennium", "millennia", "mil", "mils", "millenniums");
  }

  private static void unit(String code, String... names) {
    for (String n : names) {
      UNITS.put(n, code);
    }
  }

  /** Accumulates fields while parsing. */
  private static final class Acc {
    BigDecimal months = BigDecimal.ZERO;
    BigDecimal days = BigDecimal.ZERO;
    BigDecimal micros = BigDecimal.ZERO;

    void add(BigDecimal q, String unit) {
      switch (unit) {
        case "us" -> micros = micros.add(q);
        case "ms" -> micros = micros.add(q.movePointRight(3));
        case "s" -> micros = micros.add(q.movePointRight(6));
        case "m" -> micros = micros.add(q.multiply(BigDecimal.valueOf(60_000_000L)));
        case "h" -> micros = micros.add(q.multiply(BigDecimal.valueOf(3_600_000_000L)));
        case "d" -> spillDays(q);
        case "w" -> spillDays(q.multiply(BigDecimal.valueOf(7)));
        case "mon" -> {
          BigDecimal whole = trunc(q);
          months = months.add(whole);
          spillDays(q.subtract(whole).multiply(BigDecimal.valueOf(30)));
        }
        default -> {
          int per = switch (unit) {
            case "y" -> 12;
            case "dec" -> 120;
            case "c" -> 1200;
            default -> 12000;
          };
          BigDecimal whole = trunc(q);
          months = months.add(whole.multiply(BigDecimal.valueOf(per)));
          months = months.add(q.subtract(whole).multiply(BigDecimal.valueOf(per))
              .setScale(0, RoundingMode.HALF_EVEN));
        }
      }
    }

    void spillDays(BigDecimal q) {
      BigDecimal whole = trunc(q);
      days = days.add(whole);
      micros = micros.add(q.subtract(whole).multiply(BigDecimal.valueOf(US_PER_DAY)));
    }

    Interval result(boolean negate, String text) {
      BigDecimal us = micros.setScale(0, RoundingMode.HALF_EVEN);
      try {
        int m = months.intValueExact();
        int d = days.intValueExact();
        long u = us.longValueExact();
        return negate ? new Interval(Math.negateExact(m), Math.negateExact(d),
            Math.negateExact(u)) : new Interval(m, d, u);
      } catch (ArithmeticException e) {
        throw TypeErrors.intervalFieldOutOfRange(text);
      }
    }
  }

  private static BigDecimal trunc(BigDecimal q) {
    return q.setScale(0, RoundingMode.DOWN);
  }

  private Intervals() {
  }

  static Interval parse(String text, int typmod) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw syntax(text);
    }
    Interval v = s.startsWith("p") ? iso(s, text) : postgres(s, text);
    return applyTypmod(v, typmod);
  }

  static Interval applyTypmod(Interval v, int typmod) {
    int precision = typmod < 0 ? 0xFFFF : typmod & 0xFFFF;
    if (precision >= 6) {
      return v;
    }
    return new Interval(v.months(), v.days(), DateTimes.round(v.micros(), precision));
  }

  private static Interval postgres(String s, String text) {
    Acc acc = new Acc();
    Matcher m = TOKEN.matcher(s);
    int pos = 0;
    boolean ago = false;
    boolean any = false;
    BigDecimal pendingNumber = null;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        if (s.substring(pos).isBlank()) {
          break;
        }
        throw syntax(text);
      }
      pos = m.end();
      if (ago) {
        throw syntax(text);
      }
      if (m.group("time") != null) {
        if (pendingNumber != null) {
          acc.add(pendingNumber, "d");
          pendingNumber = null;
        }
        time(m.group("time"), acc, text);
        any = true;
      } else if (m.group("ym") != null) {
        String ym = m.group("ym");
        boolean neg = ym.startsWith("-");
        String[] p = ym.replaceFirst("^[+-]", "").split("-");
        BigDecimal months = new BigDecimal(p[0]).multiply(BigDecimal.valueOf(12))
            .add(new BigDecimal(p[1]));
        acc.add(neg ? months.negate() : months, "mon");
        any = true;
      } else if (m.group("num") != null) {
        if (pendingNumber != null) {
          throw syntax(text);
        }
        BigDecimal q = new BigDecimal(m.group("num"));
        String unit = m.group("unit");
        if (unit == null) {
          pendingNumber = q;
        } else if (unit.equals("ago")) {
          pendingNumber = q;
          ago = true;
        } else {
          String code = UNITS.get(unit);
          if (code == null) {
            throw syntax(text);
          }
          acc.add(q, code);
        }
        any = true;
      } else {
        String w = m.group("word");
        if (w.equals("@") && !any) {
          continue;
        }
        if (w.equals("ago") && any) {
          ago = true;
          continue;
        }
        throw syntax(text);
      }
    }
    if (pendingNumber != null) {
      acc.add(pendingNumber, "s");
    }
    if (!any) {
      throw syntax(text);
    }
    return acc.result(ago, text);
  }

  private static void time(String t, Acc acc, String text) {
    boolean neg = t.startsWith("-");
    String[] p = t.replaceFirst("^[+-]", "").split(":");
    BigDecimal us;
    if (p.length == 2 && p[1].contains(".")) {
      // mm:ss.fff
      us = new BigDecimal(p[0]).multiply(BigDecimal.valueOf(60_000_000L))
          .add(new BigDecimal(p[1]).movePointRight(6));
    } else {
      if (p[1].contains(".") || Integer.parseInt(p[1]) > 59
          || p.length == 3 && new BigDecimal(p[2]).compareTo(BigDecimal.valueOf(60)) >= 0) {
        throw TypeErrors.intervalFieldOutOfRange(text);
      }
      us = new BigDecimal(p[0]).multiply(BigDecimal.valueOf(3_600_000_000L))
          .add(new BigDecimal(p[1]).multiply(BigDecimal.valueOf(60_000_000L)));
      if (p.length == 3) {
        us = us.add(new BigDecimal(p[2]).movePointRight(6));
      }
    }
    acc.micros = acc.micros.add(neg ? us.negate() : us);
  }

  private static Interval iso(String s, String text) {
    Matcher m = ISO.matcher(s);
    if (!m.matches()) {
      throw syntax(text);
    }
    Acc acc = new Acc();
    String date = m.group("date");
    String time = m.group("time");
    if (date.isEmpty() && (time == null || time.isEmpty())) {
      throw syntax(text);
    }
    if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
      acc.add(new BigDecimal(date.substring(0, 4)), "y");
      acc.add(new BigDecimal(date.substring(5, 7)), "mon");
      acc.add(new BigDecimal(date.substring(8)), "d");
    } else {
      designators(date, "ymwd", acc, text, false);
    }
    if (time != null) {
      if (time.matches("\\d{2}:\\d{2}:\\d{2}(\\.\\d*)?")) {
        time(time, acc, text);
      } else {
        designators(time, "hms", acc, text, true);
      }
    }
    return acc.result(false, text);
  }

  private static void designators(String part, String allowed, Acc acc, String text,
      boolean timePart) {
    Matcher p = ISO_PART.matcher(part);
    int pos = 0;
    while (pos < part.length()) {
      if (!p.find(pos) || p.start() != pos || allowed.indexOf(p.group(2).charAt(0)) < 0) {
        throw syntax(text);
      }
      pos = p.end();
      String d = p.group(2);
      String unit = timePart ? d : d.equals("m") ? "mon" : d;
      acc.add(new BigDecimal(p.group(1)), unit);
    }
  }

  private static RuntimeException syntax(String text) {
    return TypeErrors.datetimeSyntax("interval", text);
  }

  /** IntervalStyle postgres: {@code 1 year 2 mons 3 days 04:05:06.5}, {@code 00:00:00}. */
  static String format(Interval v) {
    StringBuilder sb = new StringBuilder(32);
    int year = v.months() / 12;
    int mon = v.months() % 12;
    boolean[] state = {true, false}; // isZero, isBefore
    part(sb, year, "year", state);
    part(sb, mon, "mon", state);
    part(sb, v.days(), "day", state);
    long us = v.micros();
    if (state[0] || us != 0) {
      boolean minus = us < 0;
      long a = Math.abs(us);
      if (!state[0]) {
        sb.append(' ');
      }
      sb.append(minus ? "-" : state[1] ? "+" : "");
      DateTimes.appendTime(sb, a / 3_600_000_000L, (int) (a / 60_000_000L % 60),
          (int) (a / 1_000_000 % 60), a % 1_000_000);
    }
    return sb.toString();
  }

  private static void part(StringBuilder sb, int value, String unit, boolean[] state) {
    if (value == 0) {
      return;
    }
    if (!state[0]) {
      sb.append(' ');
    }
    if (state[1] && value > 0) {
      sb.append('+');
    }
    sb.append(value).append(' ').append(unit);
    if (value != 1) {
      sb.append('s');
    }
    state[1] = value < 0;
    state[0] = false;
  }

  /** The span PostgreSQL orders intervals by: months as 30 days, days as 24 hours. */
  static BigInteger span(Interval v) {
    long days = v.months() * 30L + v.days();
    return BigInteger.valueOf(days).multiply(BigInteger.valueOf(US_PER_DAY))
        .add(BigInteger.valueOf(v.micros()));
  }

  static int compare(Interval a, Interval b) {
    if (a.equals(b)) {
      return 0;
    }
    return span(a).compareTo(span(b));
  }

  static int hash(Interval v) {
    return span(v).hashCode();
  }
}
