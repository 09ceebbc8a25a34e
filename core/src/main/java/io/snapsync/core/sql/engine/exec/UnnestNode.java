package io.snapsync.core.sql.engine.exec;

import java.util.ArrayDeque;
import java.util.List;

/**
 * {@code UNNEST}: for each input row (one array per field), one output row per array
 * position; shorter arrays give NULLs; {@code withOrdinality} appends the 1-based position.
 */
public record UnnestNode(PlanNode input, boolean withOrdinality) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    Cursor in = input.open(ctx);
    return new Cursor() {
      final ArrayDeque<Object[]> pending = new ArrayDeque<>();

      @Override
      public Object[] next() {
        while (pending.isEmpty()) {
          Object[] row = in.next();
          if (row == null) {
            return null;
          }
          ctx.checkCanceled();
          int longest = 0;
          for (Object v : row) {
            longest = Math.max(longest, v instanceof List<?> l ? l.size() : 0);
          }
          for (int i = 0; i < longest; i++) {
            Object[] o = new Object[row.length + (withOrdinality ? 1 : 0)];
            for (int f = 0; f < row.length; f++) {
              o[f] = row[f] instanceof List<?> l && i < l.size() ? l.get(i) : null;
            }
            if (withOrdinality) {
              o[row.length] = i + 1;
            }
            pending.add(o);
          }
        }
        return pending.poll();
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
    return "Unnest";
  }
}
