package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.engine.expr.ValueOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Equi-join: builds a hash table on the right input's key fields, probes with the left rows;
 * {@code remaining} (on the combined row, may be null) checks the non-equi part. NULL keys never
 * match.
 */
public record HashJoinNode(PlanNode left, PlanNode right, int[] leftKeys, int[] rightKeys,
    Evaluator remaining, JoinKind kind, int leftWidth, int rightWidth) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    List<Object[]> rows = JoinCursor.drain(right.open(ctx), ctx);
    Map<List<Object>, List<Integer>> table = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Object> k = key(rows.get(i), rightKeys);
      if (k != null) {
        table.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
      }
    }
    return new JoinCursor(left.open(ctx), rows, remaining, kind, leftWidth, rightWidth, ctx) {
      @Override
      Iterable<Integer> candidates(Object[] leftRow) {
        List<Object> k = key(leftRow, leftKeys);
        return k == null ? List.of() : table.getOrDefault(k, List.of());
      }
    };
  }

  private static List<Object> key(Object[] row, int[] fields) {
    Object[] k = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object v = row[fields[i]];
      if (v == null) {
        return null;
      }
      k[i] = ValueOps.hashKey(v);
    }
    return Arrays.asList(k);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override
  public String describe() {
    return "Hash " + kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + " Join";
  }
}
