package io.snapsync.core.sql.engine.exec;

/**
 * The rows of one operator during one execution, pulled one at a time. Not thread-safe; used
 * by the worker thread running the statement. The consumer closes it.
 */
public interface Cursor extends AutoCloseable {

  /** The next row, or null when there are no more. */
  Object[] next();

  @Override
  void close();

  /** A cursor over rows already in memory. */
  static Cursor of(Iterable<Object[]> rows) {
    java.util.Iterator<Object[]> it = rows.iterator();
    return new Cursor() {
      @Override
      public Object[] next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public void close() {
      }
    };
  }
}
