package io.snapsync.core.sql.srf;

import io.snapsync.core.sql.engine.exec.Cursor;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.engine.exec.PlanNode;
import java.util.List;

/**
 * The rows a recursive query's previous iteration produced (its work table), as the
 * {@link RecursiveUnionNode} of slot {@code slot} left them for this iteration.
 */
public record WorkTableScanNode(int slot) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    Object[] rows = ctx.correlated(slot);
    int[] at = {0};
    return new Cursor() {
      @Override
      public Object[] next() {
        if (rows == null || at[0] >= rows.length) {
          return null;
        }
        ctx.checkCanceled();
        return (Object[]) rows[at[0]++];
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
    return "WorkTable Scan";
  }
}
