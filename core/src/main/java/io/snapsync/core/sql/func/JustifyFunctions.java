package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.INTERVAL;

import io.snapsync.core.sql.types.Interval;

/** justify_days, justify_hours and justify_interval as {@code timestamp.c} defines them. */
final class JustifyFunctions {

  private static final long DAY = Intervals.USECS_PER_DAY;

  private JustifyFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("justify_hours", INTERVAL, (x, c) -> hours((Interval) x[0]), INTERVAL));
    r.add(Fn.of("justify_days", INTERVAL, (x, c) -> days((Interval) x[0]), INTERVAL));
    r.add(Fn.of("justify_interval", INTERVAL, (x, c) -> interval((Interval) x[0]), INTERVAL));
  }

  static Interval hours(Interval i) {
    long wholeDay = i.micros() / DAY;
    long time = i.micros() - wholeDay * DAY;
    long day = i.days() + wholeDay;
    if (day > 0 && time < 0) {
      time += DAY;
      day--;
    } else if (day < 0 && time > 0) {
      time -= DAY;
      day++;
    }
    return of(i.months(), day, time);
  }

  static Interval days(Interval i) {
    int wholeMonth = i.days() / Intervals.DAYS_PER_MONTH;
    long day = i.days() - (long) wholeMonth * Intervals.DAYS_PER_MONTH;
    long month = (long) i.months() + wholeMonth;
    if (month > 0 && day < 0) {
      day += Intervals.DAYS_PER_MONTH;
      month--;
    } else if (month < 0 && day > 0) {
      day -= Intervals.DAYS_PER_MONTH;
      month++;
    }
    return of(month, day, i.micros());
  }

  static Interval interval(Interval i) {
    long wholeDay = i.micros() / DAY;
    long time = i.micros() - wholeDay * DAY;
    long day = i.days() + wholeDay;
    long wholeMonth = day / Intervals.DAYS_PER_MONTH;
    day -= wholeMonth * Intervals.DAYS_PER_MONTH;
    long month = i.months() + wholeMonth;
    if (month > 0 && (day < 0 || day == 0 && time < 0)) {
      day += Intervals.DAYS_PER_MONTH;
      month--;
    } else if (month < 0 && (day > 0 || day == 0 && time > 0)) {
      day -= Intervals.DAYS_PER_MONTH;
      month++;
    }
    if (day > 0 && time < 0) {
      time += DAY;
      day--;
    } else if (day < 0 && time > 0) {
      time -= DAY;
      day++;
    }
    return of(month, day, time);
  }

  private static Interval of(long months, long days, long micros) {
    if (months != (int) months || days != (int) days) {
      throw Intervals.outOfRange();
    }
    return new Interval((int) months, (int) days, micros);
  }
}
