package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.ScalarFunction;
import io.snapsync.core.sql.types.Interval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@code generate_series(start, stop [, step])} over integer, bigint, numeric, and timestamp
 * or timestamptz with an interval step (a date is taken as timestamptz, as PostgreSQL
 * resolves it). Streams its values; a zero step is 22023.
 */
final class GenerateSeriesSrf {

  static final String NAME = "generate_series";

  private GenerateSeriesSrf() {
  }

  static SetReturningFunction function() {
    return new Srf(NAME, Srf.Kind.BASE, (args, declared) -> bind(args));
  }

  private static Optional<SetReturningFunction.Bound> bind(List<DataType> args) {
    if (args.size() < 2 || args.size() > 3) {
      return Optional.empty();
    }
    DataType t = type(args);
    if (t == null) {
      return Optional.empty();
    }
    boolean time = t == DataType.TIMESTAMP || t == DataType.TIMESTAMPTZ;
    if (time && args.size() != 3) {
      return Optional.empty();
    }
    List<DataType> params = args.size() == 2 ? List.of(t, t)
        : List.of(t, t, time ? DataType.INTERVAL : t);
    return Optional.of(Srf.bound(params, List.of(new Column(NAME, t)),
        (a, ctx) -> time ? times(a, t, ctx) : numbers(a, t)));
  }

  /** The overload's value type for argument types {@code args}, or null. */
  private static DataType type(List<DataType> args) {
    boolean tz = false;
    boolean ts = false;
    boolean numeric = false;
    boolean big = false;
    for (int i = 0; i < args.size(); i++) {
      DataType a = args.get(i);
      switch (a) {
        case TIMESTAMPTZ, DATE -> tz = true;
        case TIMESTAMP -> ts = true;
        case NUMERIC -> numeric = true;
        case INT8 -> big = true;
        case INT2, INT4, UNKNOWN -> {
        }
        case INTERVAL -> {
          if (i != 2) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (tz || ts) {
      return tz ? DataType.TIMESTAMPTZ : DataType.TIMESTAMP;
    }
    if (args.size() == 3 && args.get(2) == DataType.INTERVAL) {
      return null;
    }
    return numeric ? DataType.NUMERIC : big ? DataType.INT8 : DataType.INT4;
  }

  private static RowSource numbers(Object[] a, DataType t) {
    if (t == DataType.NUMERIC) {
      BigDecimal from = (BigDecimal) a[0];
      BigDecimal to = (BigDecimal) a[1];
      BigDecimal by = a.length > 2 ? (BigDecimal) a[2] : BigDecimal.ONE;
      if (by.signum() == 0) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "engine.step_zero");
      }
      BigDecimal[] next = {from};
      return () -> {
        BigDecimal v = next[0];
        if (by.signum() > 0 ? v.compareTo(to) > 0 : v.compareTo(to) < 0) {
          return null;
        }
        next[0] = v.add(by);
        return new Object[] {v};
      };
    }
    long from = ((Number) a[0]).longValue();
    long to = ((Number) a[1]).longValue();
    long by = a.length > 2 ? ((Number) a[2]).longValue() : 1;
    if (by == 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "engine.step_zero");
    }
    boolean big = t == DataType.INT8;
    long[] next = {from};
    boolean[] done = {false};
    return () -> {
      long v = next[0];
      if (done[0] || (by > 0 ? v > to : v < to)) {
        return null;
      }
      try {
        next[0] = Math.addExact(v, by);
        if (!big && next[0] != (int) next[0]) {
          done[0] = true;
        }
      } catch (ArithmeticException e) {
        done[0] = true; // the next value would overflow: this one is the last
      }
      return new Object[] {big ? (Object) v : (Object) (int) v};
    };
  }

  @SuppressWarnings("unchecked")
  private static RowSource times(Object[] a, DataType t, CallContext ctx) {
    Interval by = (Interval) a[2];
    if (by.months() == 0 && by.days() == 0 && by.micros() == 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "engine.step_zero");
    }
    ScalarFunction plus = ctx.library().scalar("+", List.of(t, DataType.INTERVAL))
        .orElseThrow();
    Comparable<Object> stop = (Comparable<Object>) a[1];
    Object zero = plus.apply(new Object[] {a[0], Interval.ZERO}, ctx.eval());
    boolean up = ((Comparable<Object>) plus.apply(new Object[] {zero, by}, ctx.eval()))
        .compareTo(zero) > 0;
    Object[] next = {a[0]};
    return () -> {
      Object v = next[0];
      int c = stop.compareTo(v);
      if (up ? c < 0 : c > 0) {
        return null;
      }
      next[0] = plus.apply(new Object[] {v, by}, ctx.eval());
      return new Object[] {v};
    };
  }
}
