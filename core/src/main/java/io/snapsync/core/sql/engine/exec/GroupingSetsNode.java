package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.engine.expr.ValueOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash aggregation over several grouping sets ({@code GROUPING SETS}, {@code ROLLUP},
 * {@code CUBE}): one pass over the input feeds every set's groups. Output rows are the values of
 * all {@code groupKeys} (NULL for a key outside the row's set), then the aggregate results, set
 * after set. A {@code grouping(...)} call ({@link AggSpec#GROUPING}) gives the bit mask of its
 * arguments absent from the row's set, the first argument the most significant bit. An empty
 * set gives its one row also for empty input.
 */
public record GroupingSetsNode(PlanNode input, int[] groupKeys, List<int[]> sets,
    List<AggSpec> aggs) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    List<Map<List<Object>, Group>> groups = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      groups.add(new LinkedHashMap<>());
    }
    try (Cursor in = input.open(ctx)) {
      Object[] row;
      while ((row = in.next()) != null) {
        ctx.checkCanceled();
        for (int s = 0; s < sets.size(); s++) {
          int[] set = sets.get(s);
          Object[] hk = new Object[set.length];
          for (int i = 0; i < hk.length; i++) {
            hk[i] = ValueOps.hashKey(row[set[i]]);
          }
          Object[] r = row;
          Group g = groups.get(s).computeIfAbsent(Arrays.asList(hk), k -> newGroup(r, set, ctx));
          for (AggSpec.State st : g.states) {
            if (st != null) {
              st.add(row);
            }
          }
        }
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (int s = 0; s < sets.size(); s++) {
      int[] set = sets.get(s);
      if (groups.get(s).isEmpty() && set.length == 0) {
        groups.get(s).put(List.of(), newGroup(null, set, ctx));
      }
      for (Group g : groups.get(s).values()) {
        Object[] o = new Object[groupKeys.length + aggs.size()];
        System.arraycopy(g.keys, 0, o, 0, groupKeys.length);
        for (int i = 0; i < aggs.size(); i++) {
          o[groupKeys.length + i] = g.states[i] == null ? absentMask(aggs.get(i), set)
              : g.states[i].result();
        }
        out.add(o);
      }
    }
    return Cursor.of(out);
  }

  /** GROUPING(args) for a row of {@code set}: bit 1 for each argument not in the set. */
  private static Object absentMask(AggSpec grouping, int[] set) {
    long mask = 0;
    for (int a : grouping.args()) {
      mask <<= 1;
      if (Arrays.stream(set).noneMatch(f -> f == a)) {
        mask |= 1;
      }
    }
    return grouping.type() == io.snapsync.core.session.DataType.INT8 ? (Object) mask
        : (Object) (int) mask;
  }

  private Group newGroup(Object[] row, int[] set, ExecContext ctx) {
    Object[] keys = new Object[groupKeys.length];
    for (int i = 0; row != null && i < keys.length; i++) {
      int field = groupKeys[i];
      if (Arrays.stream(set).anyMatch(f -> f == field)) {
        keys[i] = row[field];
      }
    }
    AggSpec.State[] states = new AggSpec.State[aggs.size()];
    for (int i = 0; i < states.length; i++) {
      AggSpec spec = aggs.get(i);
      states[i] = spec.name().equals(AggSpec.GROUPING) ? null : spec.newState(ctx.eval());
    }
    return new Group(keys, states);
  }

  private record Group(Object[] keys, AggSpec.State[] states) {
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "HashAggregate";
  }
}
