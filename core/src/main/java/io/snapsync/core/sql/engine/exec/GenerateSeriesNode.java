package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.List;

/** {@code generate_series(start, stop [, step])} over integers, streamed. */
public record GenerateSeriesNode(Evaluator start, Evaluator stop, Evaluator step)
    implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    Object a = start.eval(null, ctx);
    Object b = stop.eval(null, ctx);
    Object c = step == null ? Integer.valueOf(1) : step.eval(null, ctx);
    if (a == null || b == null || c == null) {
      return Cursor.of(List.of());
    }
    long from = ((Number) a).longValue();
    long to = ((Number) b).longValue();
    long by = ((Number) c).longValue();
    if (by == 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "engine.step_zero");
    }
    return new Cursor() {
      long next = from;

      @Override
      public Object[] next() {
        if (by > 0 ? next > to : next < to) {
          return null;
        }
        ctx.checkCanceled();
        Object[] row = {(int) next};
        next += by;
        return row;
      }

      @Override
      public void close() {
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "Function Scan on generate_series";
  }
}
