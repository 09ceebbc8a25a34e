package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.engine.expr.ValueOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash aggregation: groups input rows by {@code groupKeys} and computes {@code aggs} per
 * group. Output rows are the group key values then the aggregate results. Without group keys
 * there is exactly one output row, also for empty input.
 */
public record AggregateNode(PlanNode input, int[] groupKeys, List<AggSpec> aggs)
    implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    Map<List<Object>, Group> groups = new LinkedHashMap<>();
    try (Cursor in = input.open(ctx)) {
      Object[] row;
      while ((row = in.next()) != null) {
        ctx.checkCanceled();
        Object[] hk = new Object[groupKeys.length];
        for (int i = 0; i < hk.length; i++) {
          hk[i] = ValueOps.hashKey(row[groupKeys[i]]);
        }
        Object[] r = row;
        Group g = groups.computeIfAbsent(Arrays.asList(hk), k -> newGroup(r, ctx));
        for (AggSpec.State s : g.states) {
          s.add(row);
        }
      }
    }
    if (groups.isEmpty() && groupKeys.length == 0) {
      groups.put(List.of(), newGroup(null, ctx));
    }
    List<Object[]> out = new ArrayList<>(groups.size());
    for (Group g : groups.values()) {
      Object[] o = new Object[groupKeys.length + aggs.size()];
      System.arraycopy(g.keys, 0, o, 0, groupKeys.length);
      for (int i = 0; i < aggs.size(); i++) {
        o[groupKeys.length + i] = g.states[i].result();
      }
      out.add(o);
    }
    return Cursor.of(out);
  }

  private Group newGroup(Object[] row, ExecContext ctx) {
    Object[] keys = new Object[groupKeys.length];
    for (int i = 0; row != null && i < keys.length; i++) {
      keys[i] = row[groupKeys[i]];
    }
    AggSpec.State[] states = new AggSpec.State[aggs.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = aggs.get(i).newState(ctx.eval());
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
