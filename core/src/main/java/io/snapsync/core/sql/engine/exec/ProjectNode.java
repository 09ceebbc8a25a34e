package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.exec.RowKey;
import java.util.List;

/**
 * Computes the output expressions over each input row; a trailing {@link RowKey} of the input
 * (the target scan of a DML statement) is carried over.
 */
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
        boolean keyed = row.length > 0 && row[row.length - 1] instanceof RowKey;
        Object[] out = new Object[keyed ? e.length + 1 : e.length];
        if (keyed) {
          out[e.length] = row[row.length - 1];
        }
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
