package io.snapsync.core.sql.srf;

/**
 * The rows of one call of a set-returning function, pulled one at a time by the worker
 * running the statement. Not thread-safe.
 */
@FunctionalInterface
public interface RowSource {

  /** The next row, or null when there are no more. */
  Object[] next();

  /** No rows. */
  static RowSource empty() {
    return () -> null;
  }

  /** The rows of {@code rows}. */
  static RowSource of(Iterable<Object[]> rows) {
    java.util.Iterator<Object[]> it = rows.iterator();
    return () -> it.hasNext() ? it.next() : null;
  }
}
