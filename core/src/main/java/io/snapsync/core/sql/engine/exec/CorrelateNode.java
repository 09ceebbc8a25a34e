package io.snapsync.core.sql.engine.exec;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Correlated nested loop: for each left row, binds correlation variable {@code correlationId}
 * and runs the right input again (INNER, LEFT, SEMI, ANTI).
 */
public record CorrelateNode(PlanNode left, PlanNode right, int correlationId, JoinKind kind,
    int leftWidth, int rightWidth) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    Cursor l = left.open(ctx);
    return new Cursor() {
      final ArrayDeque<Object[]> pending = new ArrayDeque<>();

      @Override
      public Object[] next() {
        while (pending.isEmpty()) {
          Object[] row = l.next();
          if (row == null) {
            return null;
          }
          ctx.checkCanceled();
          ctx.setCorrelated(correlationId, row);
          boolean any = false;
          try (Cursor r = right.open(ctx)) {
            Object[] rr;
            while ((rr = r.next()) != null) {
              any = true;
              if (kind == JoinKind.SEMI || kind == JoinKind.ANTI) {
                break;
              }
              Object[] o = new Object[leftWidth + rightWidth];
              System.arraycopy(row, 0, o, 0, leftWidth);
              System.arraycopy(rr, 0, o, leftWidth, rightWidth);
              pending.add(o);
            }
          }
          if (kind == JoinKind.SEMI && any || kind == JoinKind.ANTI && !any) {
            pending.add(row);
          } else if (!any && kind == JoinKind.LEFT) {
            Object[] o = new Object[leftWidth + rightWidth];
            System.arraycopy(row, 0, o, 0, leftWidth);
            pending.add(o);
          }
        }
        return pending.poll();
      }

      @Override
      public void close() {
        l.close();
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override
  public String describe() {
    return "Correlated Nested Loop " + kind.name().toLowerCase();
  }
}
