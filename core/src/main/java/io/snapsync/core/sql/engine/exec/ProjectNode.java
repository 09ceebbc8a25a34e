package io.snapsync.core.sql.engine.exec;

import java.util.List;

/** Computes the output expressions over each input row. */
public record ProjectNode(PlanNode input, List<Evaluator> exprs) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    Cursor in = input.open(ctx);
    Evaluator[] e = exprs.toArray(new Evaluator[0]);
    return new Cursor() {
      @Override
      public Object[] next() {
        Object[] row = in.next();
        if (row == null) {
          return null;
        }
        Object[] out = new Object[e.length];
        for (int i = 0; i < e.length; i++) {
          out[i] = e[i].eval(row, ctx);
        }
        return out;
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
    return "Project";
  }
}
