package io.snapsync.core.sql.engine.exec;

import java.util.List;

/** Literal rows ({@code VALUES}, {@code SELECT} without FROM). */
public record ValuesNode(List<Object[]> rows) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    return Cursor.of(rows.stream().map(Object[]::clone).toList());
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "Values (" + rows.size() + " rows)";
  }
}
