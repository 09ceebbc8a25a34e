package io.snapsync.core.sql.types;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds kept apart, as PostgreSQL keeps
 * them ({@code '1 mon'} is not {@code '30 days'} when added to a date). Immutable.
 */
public record Interval(int months, int days, long micros) {

  public static final Interval ZERO = new Interval(0, 0, 0);
}
