package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.sql.types.Interval;

/**
 * interval arithmetic as {@code timestamp.c} does it: months, days and microseconds kept apart,
 * fractions of a month cascading into days (30 per month) and of a day into time.
 */
final class Intervals {

  static final long USECS_PER_DAY = 86_400_000_000L;
  static final long USECS_PER_HOUR = 3_600_000_000L;
  static final long USECS_PER_SEC = 1_000_000L;
  static final int DAYS_PER_MONTH = 30;

  private Intervals() {
  }

  static Interval add(Interval a, Interval b) {
    try {
      return new Interval(Math.addExact(a.months(), b.months()),
          Math.addExact(a.days(), b.days()), Math.addExact(a.micros(), b.micros()));
    } catch (ArithmeticException e) {
      throw outOfRange();
    }
  }

  static Interval negate(Interval a) {
    try {
      return new Interval(Math.negateExact(a.months()), Math.negateExact(a.days()),
          Math.negateExact(a.micros()));
    } catch (ArithmeticException e) {
      throw outOfRange();
    }
  }

  static Interval subtract(Interval a, Interval b) {
    return add(a, negate(b));
  }

  /** {@code interval_mul}. */
  static Interval multiply(Interval span, double factor) {
    double m = span.months() * factor;
    double d = span.days() * factor;
    if (Double.isNaN(factor) || Math.abs(m) > Integer.MAX_VALUE
        || Math.abs(d) > Integer.MAX_VALUE) {
      throw outOfRange();
    }
    return cascade((int) m, (int) d, m, d, span.micros() * factor);
  }

  /** {@code interval_div}. */
  static Interval divide(Interval span, double divisor) {
    if (divisor == 0.0) {
      throw FuncErrors.divisionByZero();
    }
    double m = span.months() / divisor;
    double d = span.days() / divisor;
    if (Double.isNaN(divisor) || Math.abs(m) > Integer.MAX_VALUE
        || Math.abs(d) > Integer.MAX_VALUE) {
      throw outOfRange();
    }
    return cascade((int) m, (int) d, m, d, span.micros() / divisor);
  }

  private static Interval cascade(int months, int days, double exactMonths, double exactDays,
      double time) {
    double monthRemainderDays = tsRound((exactMonths - months) * DAYS_PER_MONTH);
    double secRemainder = tsRound((exactDays - days + monthRemainderDays
        - (int) monthRemainderDays) * 86400.0);
    if (Math.abs(secRemainder) >= 86400.0) {
      days += (int) (secRemainder / 86400.0);
      secRemainder -= (int) (secRemainder / 86400.0) * 86400.0;
    }
    days += (int) monthRemainderDays;
    double micros = Math.rint(time + secRemainder * USECS_PER_SEC);
    if (Double.isNaN(micros) || Math.abs(micros) >= 9.2e18) {
      throw outOfRange();
    }
    return new Interval(months, days, (long) micros);
  }

  private static double tsRound(double v) {
    return Math.rint(v * 1_000_000.0) / 1_000_000.0;
  }

  static SnapsyncException outOfRange() {
    return SnapsyncException.error(FuncErrors.DATETIME_OVERFLOW, "functions.interval_out_of_range");
  }
}
