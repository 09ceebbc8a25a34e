package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.func.AggregateFunction;
import io.snapsync.core.sql.func.EvalContext;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.List;

/**
 * The aggregates Calcite's planner introduces that PostgreSQL has no name for:
 * {@code single_value} (a scalar sub-query must give at most one row: 21000) and
 * {@code $sum0} (sum that is 0 on no rows, from the library's {@code sum}) and
 * {@code literal_agg}.
 */
public final class AggFallbacks {

  private static final java.time.ZoneId NO_ZONE = null;

  private AggFallbacks() {
  }

  /** The planner aggregate {@code name}, or null. */
  public static AggregateFunction of(String name, FunctionLibrary library, List<DataType> args,
      DataType type) {
    return switch (name) {
      case "single_value" -> agg(name, false, type, () -> new AggregateFunction.Accumulator() {
        Object v;
        boolean any;

        @Override
        public void add(Object[] a) {
          if (any) {
            throw SnapsyncException.error(SqlState.CARDINALITY_VIOLATION,
                "engine.subquery_more_than_one_row");
          }
          any = true;
          v = a[0];
        }

        @Override
        public Object result() {
          return v;
        }
      });
      case "$sum0" -> library.aggregate("sum", args).map(sum -> agg(name, true, type, ctx -> {
        AggregateFunction.Accumulator acc = sum.newAccumulator(ctx);
        return new AggregateFunction.Accumulator() {
          @Override
          public void add(Object[] a) {
            acc.add(a);
          }

          @Override
          public Object result() {
            Object r = acc.result();
            return r == null ? ValueOps.cast(0, DataType.INT4, type, -1, NO_ZONE)
                : ValueOps.cast(r, ValueOps.typeOf(r), type, -1, NO_ZONE);
          }
        };
      })).orElse(null);
      default -> null;
    };
  }

  /** Calcite's {@code LITERAL_AGG(v)} (from NOT IN sub-query removal): {@code v} per group. */
  public static AggregateFunction literal(Object value, DataType type) {
    return agg("literal_agg", false, type, () -> new AggregateFunction.Accumulator() {
      @Override
      public void add(Object[] a) {
      }

      @Override
      public Object result() {
        return value;
      }
    });
  }

  private static AggregateFunction agg(String name, boolean strict, DataType type,
      java.util.function.Supplier<AggregateFunction.Accumulator> make) {
    return agg(name, strict, type, ctx -> make.get());
  }

  private static AggregateFunction agg(String name, boolean strict, DataType type,
      java.util.function.Function<EvalContext, AggregateFunction.Accumulator> make) {
    return new AggregateFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<DataType> argTypes() {
        return List.of();
      }

      @Override
      public DataType returnType() {
        return type;
      }

      @Override
      public boolean strict() {
        return strict;
      }

      @Override
      public Accumulator newAccumulator(EvalContext ctx) {
        return make.apply(ctx);
      }
    };
  }
}
