package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.AggregateFunction;
import io.snapsync.core.sql.func.EvalContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One aggregate call of a plan: which function, over which input fields, with DISTINCT and
 * FILTER (a boolean input field, or -1). {@code function} comes from the
 * {@code FunctionLibrary} or the engine's fallback ({@link AggFallbacks}).
 */
public record AggSpec(String name, AggregateFunction function, int[] args, boolean distinct,
    int filter, DataType type, List<SortKey> order) {

  /** The name of a {@code grouping(...)} call: computed by {@link GroupingSetsNode}. */
  public static final String GROUPING = "grouping";

  /** A call without ORDER BY inside it. */
  public AggSpec(String name, AggregateFunction function, int[] args, boolean distinct,
      int filter, DataType type) {
    this(name, function, args, distinct, filter, type, List.of());
  }

  /** The same call fed its rows in {@code keys} order (keys name input fields). */
  public AggSpec ordered(List<SortKey> keys) {
    return new AggSpec(name, function, args, distinct, filter, type, List.copyOf(keys));
  }

  /** Running state of one group for this call, honouring FILTER, DISTINCT and strictness. */
  public State newState(EvalContext ctx) {
    return new State(this, function.newAccumulator(ctx));
  }

  /** The state of one aggregate in one group. */
  public static final class State {
    private final AggSpec spec;
    private final AggregateFunction.Accumulator acc;
    private final Set<List<Object>> seen;
    private final OrderedInput ordered;

    State(AggSpec spec, AggregateFunction.Accumulator acc) {
      this.spec = spec;
      this.acc = acc;
      this.seen = spec.distinct ? new HashSet<>() : null;
      this.ordered = spec.order.isEmpty() ? null : new OrderedInput(spec.order);
    }

    public void add(Object[] row) {
      if (spec.filter >= 0 && !Boolean.TRUE.equals(row[spec.filter])) {
        return;
      }
      Object[] values = new Object[spec.args.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = row[spec.args[i]];
        if (values[i] == null && spec.function.strict()) {
          return;
        }
      }
      if (seen != null) {
        Object[] key = new Object[values.length];
        for (int i = 0; i < key.length; i++) {
          key[i] = io.snapsync.core.sql.engine.expr.ValueOps.hashKey(values[i]);
        }
        if (!seen.add(java.util.Arrays.asList(key))) {
          return;
        }
      }
      if (ordered != null) {
        ordered.add(row, values);
        return;
      }
      acc.add(values);
    }

    public Object result() {
      if (ordered != null) {
        ordered.drainInto(acc);
      }
      return acc.result();
    }
  }
}
