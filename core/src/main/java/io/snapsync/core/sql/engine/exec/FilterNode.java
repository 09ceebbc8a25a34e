package io.snapsync.core.sql.engine.exec;

import java.util.List;

/** Passes the rows for which {@code condition} is true (not false, not NULL). */
public record FilterNode(PlanNode input, Evaluator condition) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    Cursor in = input.open(ctx);
    return new Cursor() {
      @Override
      public Object[] next() {
        Object[] row;
        while ((row = in.next()) != null) {
          ctx.checkCanceled();
          if (Boolean.TRUE.equals(condition.eval(row, ctx))) {
            return row;
          }
        }
        return null;
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Filter";
  }
}
