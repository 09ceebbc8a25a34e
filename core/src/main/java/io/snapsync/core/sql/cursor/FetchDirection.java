package io.snapsync.core.sql.cursor;

/**
 * Where a {@code FETCH} or {@code MOVE} goes, as PostgreSQL normalizes it: {@code NEXT} is
 * {@code FORWARD 1}, {@code PRIOR} {@code BACKWARD 1}, {@code FIRST} {@code ABSOLUTE 1},
 * {@code LAST} {@code ABSOLUTE -1}, a bare count or {@code ALL} is {@code FORWARD}.
 *
 * @param kind the direction
 * @param count how many rows, or the target row; {@link #ALL} for {@code ALL}
 */
public record FetchDirection(Kind kind, long count) {

  /** The count of {@code ALL}. */
  public static final long ALL = Long.MAX_VALUE;

  /** The directions. */
  public enum Kind { FORWARD, BACKWARD, ABSOLUTE, RELATIVE }

  public static FetchDirection forward(long n) {
    return new FetchDirection(Kind.FORWARD, n);
  }

  public static FetchDirection backward(long n) {
    return new FetchDirection(Kind.BACKWARD, n);
  }
}
