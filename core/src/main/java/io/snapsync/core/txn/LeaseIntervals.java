package io.snapsync.core.txn;

import io.snapsync.core.sql.types.Interval;

/**
 * Lease lengths from SQL intervals, as PostgreSQL's {@code extract(epoch from interval)}
 * counts them: a month is 30 days, a day 24 hours.
 */
final class LeaseIntervals {

  private static final long DAY_MILLIS = 86_400_000L;

  private LeaseIntervals() {
  }

  static long toMillis(Interval i) {
    try {
      long days = Math.addExact(Math.multiplyExact((long) i.months(), 30L), i.days());
      return Math.addExact(Math.multiplyExact(days, DAY_MILLIS), i.micros() / 1000L);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
