package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.func.AggregateFunction;
import io.snapsync.core.sql.func.EvalContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The accumulators of PostgreSQL's ordered-set aggregates (percentile_cont, percentile_disc,
 * mode) and hypothetical-set aggregates (rank, dense_rank, percent_rank, cume_dist) with
 * WITHIN GROUP. Each row's arguments are the {@code direct} arguments then the sorted values;
 * rows arrive in ORDER BY order ({@link AggSpec#ordered}), so an ordered-set accumulator only
 * keeps the sorted values, and a hypothetical one compares each row with the direct arguments
 * under the ORDER BY's {@code keys} (desc, nulls first / last).
 */
public final class OrderedSetAggs {

  private OrderedSetAggs() {
  }

  /** The aggregate {@code name} with {@code direct} direct arguments, sorted by {@code keys}. */
  public static AggregateFunction of(String name, int direct, List<SortKey> keys,
      DataType type) {
    List<SortKey> local = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      SortKey k = keys.get(i);
      local.add(new SortKey(i, k.descending(), k.nullsFirst(), k.type()));
    }
    Comparator<Object[]> order = SortKey.comparator(local);
    boolean hypothetical = !name.startsWith("percentile") && !name.equals("mode");
    if (name.equals("percentile_cont") && keys.get(0).type() == DataType.INTERVAL) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
          "percentile_cont over interval");
    }
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
        return !hypothetical;
      }

      @Override
      public Accumulator newAccumulator(EvalContext ctx) {
        return hypothetical ? new Hypothetical(name, direct, order)
            : new Sorted(name, direct, keys.isEmpty() ? null : keys.get(0).type(), type);
      }
    };
  }

  /** percentile_cont, percentile_disc and mode: the sorted values, then one pick. */
  private static final class Sorted implements AggregateFunction.Accumulator {
    private final String name;
    private final int direct;
    private final DataType sortedType;
    private final DataType type;
    private final List<Object> values = new ArrayList<>();
    private Object fraction;

    Sorted(String name, int direct, DataType sortedType, DataType type) {
      this.name = name;
      this.direct = direct;
      this.sortedType = sortedType;
      this.type = type;
    }

    @Override
    public void add(Object[] args) {
      if (direct > 0 && values.isEmpty()) {
        fraction = args[0];
      }
      values.add(args[direct]);
    }

    @Override
    public Object result() {
      if (values.isEmpty()) {
        return null;
      }
      if (name.equals("mode")) {
        return mode();
      }
      if (fraction instanceof List<?> fractions) {
        return pickAll(fractions);
      }
      return pick(fraction);
    }

    private List<Object> pickAll(List<?> fractions) {
      List<Object> out = new ArrayList<>(fractions.size());
      for (Object f : fractions) {
        out.add(f instanceof List<?> nested ? pickAll(nested) : f == null ? null : pick(f));
      }
      return Collections.unmodifiableList(out);
    }

    private Object pick(Object f) {
      double p = ((Number) f).doubleValue();
      if (p < 0 || p > 1 || Double.isNaN(p)) {
        throw SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
            "engine.agg.percentile_range", new BigDecimal(String.valueOf(p))
                .stripTrailingZeros().toPlainString());
      }
      int n = values.size();
      if (name.equals("percentile_disc")) {
        int row = (int) Math.ceil(p * n);
        return values.get(Math.max(row, 1) - 1);
      }
      double pos = p * (n - 1);
      int first = (int) Math.floor(pos);
      int second = (int) Math.ceil(pos);
      double lo = ((Number) values.get(first)).doubleValue();
      if (first == second) {
        return lo;
      }
      double hi = ((Number) values.get(second)).doubleValue();
      return lo + (pos - first) * (hi - lo);
    }

    private Object mode() {
      Object best = null;
      int bestCount = 0;
      Object run = null;
      int runCount = 0;
      for (Object v : values) {
        if (runCount > 0 && ValueOps.compare(run, v, sortedType) == 0) {
          runCount++;
        } else {
          run = v;
          runCount = 1;
        }
        if (runCount > bestCount) {
          best = run;
          bestCount = runCount;
        }
      }
      return best;
    }
  }

  /** rank, dense_rank, percent_rank, cume_dist of the row of direct arguments. */
  private static final class Hypothetical implements AggregateFunction.Accumulator {
    private final String name;
    private final int direct;
    private final Comparator<Object[]> order;
    private Object[] row;
    private Object[] previousBefore;
    private long rows;
    private long before;
    private long distinctBefore;
    private long peers;

    Hypothetical(String name, int direct, Comparator<Object[]> order) {
      this.name = name;
      this.direct = direct;
      this.order = order;
    }

    @Override
    public void add(Object[] args) {
      if (row == null) {
        row = Arrays.copyOfRange(args, 0, direct);
      }
      Object[] sorted = Arrays.copyOfRange(args, direct, args.length);
      rows++;
      int c = order.compare(sorted, row);
      if (c < 0) {
        before++;
        if (previousBefore == null || order.compare(previousBefore, sorted) != 0) {
          distinctBefore++;
        }
        previousBefore = sorted;
      } else if (c == 0) {
        peers++;
      }
    }

    @Override
    public Object result() {
      return switch (name) {
        case "rank" -> before + 1;
        case "dense_rank" -> distinctBefore + 1;
        case "percent_rank" -> rows == 0 ? 0.0 : (double) before / rows;
        default -> (double) (before + peers + 1) / (rows + 1);
      };
    }
  }
}
