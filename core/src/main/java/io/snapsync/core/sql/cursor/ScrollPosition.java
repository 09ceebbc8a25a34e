package io.snapsync.core.sql.cursor;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor's rows and its position among them, moved by {@code FETCH} and {@code MOVE} the way
 * PostgreSQL's portals move ({@code DoPortalRunFetch}): position 0 is before the first row,
 * {@code n} on row {@code n}, one past the last row after the end. Rows come from a
 * {@link RowSource} as they are needed; a scrollable cursor keeps those it has passed so it
 * can go back, a {@code NO SCROLL} one keeps none and fails 55000 when asked to go back.
 * Not thread-safe: used by the statement running on its session.
 */
final class ScrollPosition {

  /** Where rows come from, one at a time; null at the end. */
  interface RowSource extends AutoCloseable {
    Object[] next();

    @Override
    void close();
  }

  private final RowSource source;
  private final boolean scrollable;
  /** Rows {@code first .. first + kept.size() - 1} (1-based) that are still in memory. */
  private final List<Object[]> kept = new ArrayList<>();
  private long first = 1;
  /** Rows read from the source so far. */
  private long read;
  /** The number of rows once the source is exhausted, else -1. */
  private long total = -1;
  private long pos;

  ScrollPosition(RowSource source, boolean scrollable) {
    this.source = source;
    this.scrollable = scrollable;
  }

  /** Reads every remaining row now (a holdable cursor at the end of its transaction). */
  void materialize() {
    while (total < 0) {
      row(read + 1);
    }
    source.close();
  }

  void close() {
    kept.clear();
    source.close();
  }

  /**
   * Moves in {@code d}; returns the rows FETCH returns there with their count, or for MOVE
   * ({@code collect == false}) only the count. Fails 55000 when a NO SCROLL cursor would go
   * back.
   */
  Result fetch(FetchDirection d, boolean collect) {
    long n = d.count();
    switch (d.kind()) {
      case ABSOLUTE -> {
        if (n > 0) {
          long pgPos = atEnd() ? total : pos;
          if (n - 1 < pgPos) {
            rewind();
          }
          return single(n, collect);
        } else if (n < 0) {
          requireScroll();
          toEnd();
          long target = total + 1 + n;
          if (target < 1) {
            pos = 0;
            return Result.EMPTY;
          }
          return single(target, collect);
        }
        rewind();
        return Result.EMPTY;
      }
      case RELATIVE -> {
        if (n > 0) {
          return single(pos + n, collect);
        } else if (n < 0) {
          requireScroll();
          long target = (atEnd() ? total + 1 : pos) + n;
          if (target < 1) {
            pos = 0;
            return Result.EMPTY;
          }
          return single(target, collect);
        }
        return current(collect);
      }
      case FORWARD -> {
        return n < 0 ? backward(-n, collect) : n == 0 ? current(collect) : forward(n, collect);
      }
      default -> {
        return n < 0 ? forward(-n, collect) : n == 0 ? current(collect) : backward(n, collect);
      }
    }
  }

  /** The rows of one FETCH or MOVE: {@code rows} when collected, and how many. */
  record Result(List<Object[]> rows, long count) {
    static final Result EMPTY = new Result(List.of(), 0);
  }

  private boolean atEnd() {
    return total >= 0 && pos > total;
  }

  /** FETCH FORWARD 0 / RELATIVE 0: the current row again, when the cursor is on one. */
  private Result current(boolean collect) {
    boolean onRow = pos > 0 && !atEnd();
    if (!collect || !onRow) {
      return onRow ? new Result(List.of(), 1) : Result.EMPTY;
    }
    requireScroll();
    return new Result(List.<Object[]>of(row(pos)), 1);
  }

  /** Goes to row {@code target} (forward or back) and returns it, or goes past the end. */
  private Result single(long target, boolean collect) {
    if (target < pos) {
      requireScroll();
    }
    Object[] r = row(target);
    if (r == null) {
      pos = total + 1;
      return Result.EMPTY;
    }
    pos = target;
    drop();
    return new Result(collect ? List.<Object[]>of(r) : List.of(), 1);
  }

  private Result forward(long n, boolean collect) {
    List<Object[]> rows = new ArrayList<>();
    long count = 0;
    while (count < n) {
      Object[] r = row(pos + 1);
      if (r == null) {
        pos = total + 1;
        break;
      }
      pos++;
      count++;
      if (collect) {
        rows.add(r);
      }
      drop();
    }
    return new Result(rows, count);
  }

  private Result backward(long n, boolean collect) {
    requireScroll();
    if (!collect && n == FetchDirection.ALL) {
      // MOVE BACKWARD ALL counts as PostgreSQL's rewind does
      long count = atEnd() ? total : Math.max(0, pos - 1);
      pos = 0;
      return new Result(List.of(), count);
    }
    List<Object[]> rows = new ArrayList<>();
    long from = atEnd() ? total + 1 : pos;
    long count = 0;
    while (count < n && from - 1 - count >= 1) {
      if (collect) {
        rows.add(row(from - 1 - count));
      }
      count++;
    }
    pos = count < n ? 0 : from - count;
    return new Result(rows, count);
  }

  private void rewind() {
    if (pos > 0) {
      requireScroll();
    }
    pos = 0;
  }

  private void toEnd() {
    while (total < 0) {
      row(read + 1);
    }
  }

  /** Row {@code i} (1-based), reading from the source as far as needed; null past the end. */
  private Object[] row(long i) {
    while (read < i && total < 0) {
      Object[] r = source.next();
      if (r == null) {
        total = read;
        break;
      }
      read++;
      kept.add(r);
    }
    if (i > read || i < first) {
      return null;
    }
    return kept.get((int) (i - first));
  }

  /** A NO SCROLL cursor forgets the rows it has passed. */
  private void drop() {
    if (scrollable) {
      return;
    }
    long keepFrom = Math.min(pos, read + 1);
    int drop = (int) Math.min(kept.size(), keepFrom - first);
    if (drop > 0) {
      kept.subList(0, drop).clear();
      first += drop;
    }
  }

  private void requireScroll() {
    if (!scrollable) {
      throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "cursor.scan_forward_only").withHint("cursor.scan_forward_only.hint");
    }
  }
}
