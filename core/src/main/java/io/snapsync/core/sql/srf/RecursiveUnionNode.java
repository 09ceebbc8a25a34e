package io.snapsync.core.sql.srf;

import io.snapsync.core.sql.engine.exec.Cursor;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.engine.exec.PlanNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WITH RECURSIVE's union, PostgreSQL's work-table loop: the seed's rows are returned and become
 * the work table; then, while the work table is not empty, the iterative part runs over it
 * (its {@link WorkTableScanNode} of the same {@code slot}) and its rows are returned and become
 * the next work table. Without ALL, a row already returned is dropped. An infinite recursion
 * runs until cancel or statement_timeout stops it (checked per row). Rows stream.
 */
public record RecursiveUnionNode(PlanNode seed, PlanNode iterative, boolean all, int slot)
    implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    return new Cursor() {
      final Set<List<Object>> seen = all ? null : new HashSet<>();
      List<Object[]> produced = new ArrayList<>();
      Cursor current = seed.open(ctx);

      @Override
      public Object[] next() {
        while (true) {
          ctx.checkCanceled();
          Object[] row = current.next();
          if (row != null) {
            if (seen != null && !seen.add(Arrays.asList(row.clone()))) {
              continue;
            }
            produced.add(row);
            return row;
          }
          current.close();
          if (produced.isEmpty()) {
            current = Cursor.of(List.of());
            return null;
          }
          ctx.setCorrelated(slot, produced.toArray());
          produced = new ArrayList<>();
          current = iterative.open(ctx);
        }
      }

      @Override
      public void close() {
        current.close();
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(seed, iterative);
  }

  @Override
  public String describe() {
    return all ? "Recursive Union All" : "Recursive Union";
  }
}
