package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.func.EvalContext;
import io.snapsync.core.sql.func.ScalarFunction;
import java.math.BigDecimal;
import java.util.List;

/**
 * A window's {@code RANGE BETWEEN <offset> PRECEDING | FOLLOWING} over its one ORDER BY
 * column, as PostgreSQL's {@code in_range} support functions: the frame of a row runs from the
 * first row whose ordering value is not before {@code value - offset} (or {@code + offset},
 * turned for DESC) to the last not after the other bound; NULLs sort as the ORDER BY says and
 * a NULL row's frame is its peers. Integers shift without overflow (as numeric); date and
 * time values shift by the library's {@code +}/{@code -} with an interval. Immutable.
 *
 * @param key the ordering column
 * @param plus the library's {@code +} of (column type, offset type)
 * @param minus the library's {@code -} of (column type, offset type)
 * @param boundType the type {@code plus} and {@code minus} return
 */
public record RangeOffset(SortKey key, DataType type, ScalarFunction plus, ScalarFunction minus,
    DataType boundType) {

  /** Column types shifted as numeric (no overflow). */
  public static final List<DataType> INTEGERS = List.of(DataType.INT2, DataType.INT4,
      DataType.INT8);

  /** Checks an offset value as PostgreSQL does: not null, not negative. */
  public static void check(Object offset, boolean start) {
    if (offset == null) {
      throw SnapsyncException.error(SqlState.NULL_VALUE_NOT_ALLOWED, start
          ? "engine.expr.frame_start_null"
          : "engine.expr.frame_end_null");
    }
    boolean negative = offset instanceof Number n
        ? (offset instanceof BigDecimal d ? d.signum() < 0 : n.doubleValue() < 0)
        : offset instanceof io.snapsync.core.sql.types.Interval iv && ValueOps.compare(iv,
            io.snapsync.core.sql.types.Interval.ZERO, DataType.INTERVAL) < 0;
    if (negative) {
      throw SnapsyncException.error(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
          "engine.expr.frame_size_invalid");
    }
  }

  /**
   * The first (lower) or last index of {@code part} within {@code offset} of row {@code i}
   * ({@code preceding}: before it in the window's order).
   */
  int bound(List<Object[]> part, int i, Object offset, boolean preceding, boolean lower,
      EvalContext ctx) {
    Object cur = part.get(i)[key.field()];
    int n = part.size();
    if (cur == null) {
      int j = i;
      if (lower) {
        while (j > 0 && part.get(j - 1)[key.field()] == null) {
          j--;
        }
      } else {
        while (j + 1 < n && part.get(j + 1)[key.field()] == null) {
          j++;
        }
      }
      return j;
    }
    boolean add = preceding == key.descending();
    Object target = shift(cur, offset, add, ctx);
    if (lower) {
      for (int j = 0; j < n; j++) {
        if (position(part.get(j)[key.field()], target) >= 0) {
          return j;
        }
      }
      return n;
    }
    for (int j = n - 1; j >= 0; j--) {
      if (position(part.get(j)[key.field()], target) <= 0) {
        return j;
      }
    }
    return -1;
  }

  /** Where {@code v} sorts against {@code target} in the window's order. */
  private int position(Object v, Object target) {
    if (v == null) {
      return key.nullsFirst() ? -1 : 1;
    }
    int c = ValueOps.compare(asBound(v), target, boundType);
    return key.descending() ? -c : c;
  }

  private Object asBound(Object v) {
    if (INTEGERS.contains(type)) {
      return new BigDecimal(((Number) v).longValue());
    }
    return type == boundType ? v
        : ValueOps.cast(v, type, boundType, -1, (java.time.ZoneId) null);
  }

  private Object shift(Object v, Object offset, boolean add, EvalContext ctx) {
    if (INTEGERS.contains(type)) {
      BigDecimal a = new BigDecimal(((Number) v).longValue());
      BigDecimal b = new BigDecimal(((Number) offset).longValue());
      return add ? a.add(b) : a.subtract(b);
    }
    return (add ? plus : minus).apply(new Object[] {v, offset}, ctx);
  }
}
