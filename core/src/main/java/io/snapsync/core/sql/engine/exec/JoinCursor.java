package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.exec.RowKey;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The probe side of a join: for each left row, the matching right rows (found by
 * {@link #candidates}), the join condition on the combined row, and the outer/semi/anti rules.
 * Right rows are materialized by the caller. Unmatched right rows (RIGHT, FULL) come last.
 */
abstract class JoinCursor implements Cursor {

  private final Cursor left;
  private final List<Object[]> right;
  private final Evaluator condition;
  private final JoinKind kind;
  private final int leftWidth;
  private final int rightWidth;
  private final ExecContext ctx;
  private final boolean[] matchedRight;
  private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
  private boolean leftDone;
  private int tail = -1;

  JoinCursor(Cursor left, List<Object[]> right, Evaluator condition, JoinKind kind,
      int leftWidth, int rightWidth, ExecContext ctx) {
    this.left = left;
    this.right = right;
    this.condition = condition;
    this.kind = kind;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
    this.ctx = ctx;
    this.matchedRight = kind.keepsUnmatchedRight() ? new boolean[right.size()] : null;
  }

  /** Indices into the right rows that may match {@code leftRow}. */
  abstract Iterable<Integer> candidates(Object[] leftRow);

  @Override
  public Object[] next() {
    while (pending.isEmpty()) {
      if (leftDone) {
        return unmatchedRight();
      }
      Object[] l = left.next();
      if (l == null) {
        leftDone = true;
        continue;
      }
      ctx.checkCanceled();
      probe(l);
    }
    return pending.poll();
  }

  private void probe(Object[] l) {
    boolean matched = false;
    for (int i : candidates(l)) {
      Object[] joined = concat(l, right.get(i));
      if (condition != null && !Boolean.TRUE.equals(condition.eval(joined, ctx))) {
        continue;
      }
      matched = true;
      if (matchedRight != null) {
        matchedRight[i] = true;
      }
      if (kind.leftOnly()) {
        break;
      }
      pending.add(joined);
    }
    if (kind == JoinKind.SEMI && matched || kind == JoinKind.ANTI && !matched) {
      pending.add(l);
    } else if (!matched && kind.keepsUnmatchedLeft()) {
      pending.add(concat(l, new Object[rightWidth]));
    }
  }

  private Object[] unmatchedRight() {
    if (matchedRight == null) {
      return null;
    }
    while (++tail < right.size()) {
      if (!matchedRight[tail]) {
        return concat(new Object[leftWidth], right.get(tail));
      }
    }
    return null;
  }

  /** The joined row; a trailing {@link RowKey} of either side (a DML target) is carried. */
  private Object[] concat(Object[] l, Object[] r) {
    Object key = l.length > leftWidth ? l[leftWidth] : r.length > rightWidth ? r[rightWidth] : null;
    boolean keyed = key instanceof RowKey;
    Object[] o = new Object[leftWidth + rightWidth + (keyed ? 1 : 0)];
    System.arraycopy(l, 0, o, 0, leftWidth);
    System.arraycopy(r, 0, o, leftWidth, rightWidth);
    if (keyed) {
      o[leftWidth + rightWidth] = key;
    }
    return o;
  }

  @Override
  public void close() {
    left.close();
  }

  static List<Object[]> drain(Cursor c, ExecContext ctx) {
    List<Object[]> rows = new java.util.ArrayList<>();
    try (c) {
      Object[] r;
      while ((r = c.next()) != null) {
        ctx.checkCanceled();
        rows.add(r);
      }
    }
    return rows;
  }
}
