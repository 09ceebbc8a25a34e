package io.snapsync.core.sql.types;

import java.math.BigInteger;

/**
 * interval output in IntervalStyle {@code postgres} and the order PostgreSQL compares
 * intervals by (months as 30 days, days as 24 hours). Input is {@link IntervalParser}.
 */
final class Intervals {

  private static final long US_PER_DAY = 86_400_000_000L;

  private Intervals() {
  }

  static Interval parse(String text, int typmod) {
    return IntervalParser.parse(text, typmod);
  }

  static Interval applyTypmod(Interval v, int typmod) {
    return IntervalParser.applyTypmod(v, typmod);
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
