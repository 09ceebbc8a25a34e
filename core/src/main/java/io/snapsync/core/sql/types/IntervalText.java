package io.snapsync.core.sql.types;

/**
 * interval text output in each IntervalStyle, as PostgreSQL 15's {@code EncodeInterval}:
 * postgres {@code 1 year 2 mons -3 days +04:05:06}, postgres_verbose
 * {@code @ 1 year 2 mons -3 days 4 hours 5 mins 6 secs}, sql_standard {@code +1-2 -3 +4:05:06},
 * iso_8601 {@code P1Y2M-3DT4H5M6S}.
 */
final class IntervalText {

  private IntervalText() {
  }

  static String format(Interval v, PgStyle.IntervalOutput style) {
    return switch (style) {
      case POSTGRES -> Intervals.format(v);
      case POSTGRES_VERBOSE -> verbose(Fields.of(v));
      case SQL_STANDARD -> sqlStandard(Fields.of(v));
      case ISO_8601 -> iso(Fields.of(v));
    };
  }

  /** PostgreSQL's {@code pg_itm}: every field carries its own sign. */
  private record Fields(int year, int mon, long mday, long hour, int min, int sec, int fsec) {
    static Fields of(Interval v) {
      long us = v.micros();
      return new Fields(v.months() / 12, v.months() % 12, v.days(), us / 3_600_000_000L,
          (int) (us / 60_000_000L % 60), (int) (us / 1_000_000L % 60), (int) (us % 1_000_000L));
    }

    boolean zero() {
      return year == 0 && mon == 0 && mday == 0 && hour == 0 && min == 0 && sec == 0
          && fsec == 0;
    }
  }

  private static String sqlStandard(Fields f) {
    boolean negative = f.year < 0 || f.mon < 0 || f.mday < 0 || f.hour < 0 || f.min < 0
        || f.sec < 0 || f.fsec < 0;
    boolean positive = f.year > 0 || f.mon > 0 || f.mday > 0 || f.hour > 0 || f.min > 0
        || f.sec > 0 || f.fsec > 0;
    boolean yearMonth = f.year != 0 || f.mon != 0;
    boolean dayTime = f.mday != 0 || f.hour != 0 || f.min != 0 || f.sec != 0 || f.fsec != 0;
    boolean standard = !(negative && positive) && !(yearMonth && dayTime);
    StringBuilder sb = new StringBuilder(32);
    if (!negative && !positive) {
      return "0";
    }
    if (negative && standard) {
      sb.append('-');
    }
    if (!standard) {
      sb.append(f.year < 0 || f.mon < 0 ? '-' : '+').append(Math.abs(f.year)).append('-')
          .append(Math.abs(f.mon)).append(' ').append(f.mday < 0 ? '-' : '+')
          .append(Math.abs(f.mday)).append(' ')
          .append(f.hour < 0 || f.min < 0 || f.sec < 0 || f.fsec < 0 ? '-' : '+');
      hms(sb, f);
    } else if (yearMonth) {
      sb.append(Math.abs(f.year)).append('-').append(Math.abs(f.mon));
    } else {
      if (f.mday != 0) {
        sb.append(Math.abs(f.mday)).append(' ');
      }
      hms(sb, f);
    }
    return sb.toString();
  }

  private static void hms(StringBuilder sb, Fields f) {
    sb.append(Math.abs(f.hour)).append(':');
    int m = Math.abs(f.min);
    sb.append(m < 10 ? "0" : "").append(m).append(':');
    seconds(sb, f.sec, f.fsec, true);
  }

  private static String iso(Fields f) {
    if (f.zero()) {
      return "PT0S";
    }
    StringBuilder sb = new StringBuilder(32).append('P');
    part(sb, f.year, 'Y');
    part(sb, f.mon, 'M');
    part(sb, f.mday, 'D');
    if (f.hour != 0 || f.min != 0 || f.sec != 0 || f.fsec != 0) {
      sb.append('T');
    }
    part(sb, f.hour, 'H');
    part(sb, f.min, 'M');
    if (f.sec != 0 || f.fsec != 0) {
      if (f.sec < 0 || f.fsec < 0) {
        sb.append('-');
      }
      seconds(sb, f.sec, f.fsec, false);
      sb.append('S');
    }
    return sb.toString();
  }

  private static void part(StringBuilder sb, long value, char unit) {
    if (value != 0) {
      sb.append(value).append(unit);
    }
  }

  private static String verbose(Fields f) {
    StringBuilder sb = new StringBuilder(48).append('@');
    boolean[] state = {true, false}; // isZero, isBefore
    verbosePart(sb, f.year, "year", state);
    verbosePart(sb, f.mon, "mon", state);
    verbosePart(sb, f.mday, "day", state);
    verbosePart(sb, f.hour, "hour", state);
    verbosePart(sb, f.min, "min", state);
    if (f.sec != 0 || f.fsec != 0) {
      sb.append(' ');
      if (f.sec < 0 || f.sec == 0 && f.fsec < 0) {
        if (state[0]) {
          state[1] = true;
        } else if (!state[1]) {
          sb.append('-');
        }
      } else if (state[1]) {
        sb.append('-');
      }
      seconds(sb, f.sec, f.fsec, false);
      sb.append(" sec").append(Math.abs(f.sec) != 1 || f.fsec != 0 ? "s" : "");
      state[0] = false;
    }
    if (state[0]) {
      sb.append(" 0");
    }
    if (state[1]) {
      sb.append(" ago");
    }
    return sb.toString();
  }

  private static void verbosePart(StringBuilder sb, long value, String unit, boolean[] state) {
    if (value == 0) {
      return;
    }
    if (state[0]) {
      state[1] = value < 0;
      value = Math.abs(value);
    } else if (state[1]) {
      value = -value;
    }
    sb.append(' ').append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
    state[0] = false;
  }

  /** PostgreSQL's {@code AppendSeconds}: absolute seconds, the fraction without trailing zeros. */
  private static void seconds(StringBuilder sb, int sec, int fsec, boolean fillZeros) {
    int s = Math.abs(sec);
    if (fillZeros && s < 10) {
      sb.append('0');
    }
    sb.append(s);
    DateTimes.appendFraction(sb, Math.abs(fsec));
  }
}
