package io.snapsync.core.sql.engine.exec;

import java.util.List;
import java.util.stream.IntStream;

/** Join on any condition (null: cross join): every left row against the materialized right. */
public record NestedLoopJoinNode(PlanNode left, PlanNode right, Evaluator condition,
    JoinKind kind, int leftWidth, int rightWidth) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    List<Object[]> rows = JoinCursor.drain(right.open(ctx), ctx);
    List<Integer> all = IntStream.range(0, rows.size()).boxed().toList();
    return new JoinCursor(left.open(ctx), rows, condition, kind, leftWidth, rightWidth, ctx) {
      @Override
      Iterable<Integer> candidates(Object[] leftRow) {
        return all;
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override
  public String describe() {
    return "Nested Loop " + kind.name().charAt(0) + kind.name().substring(1).toLowerCase()
        + " Join";
  }
}
