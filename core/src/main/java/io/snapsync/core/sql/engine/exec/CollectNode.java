package io.snapsync.core.sql.engine.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ARRAY(subquery)}: all input rows, in input order, collected into one row holding one
 * array (an empty array for no rows, never NULL). A one-column input gives an array of its
 * values; a wider input an array of row values.
 */
public record CollectNode(PlanNode input, int width) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    List<Object> items = new ArrayList<>();
    try (Cursor in = input.open(ctx)) {
      Object[] row;
      while ((row = in.next()) != null) {
        ctx.checkCanceled();
        items.add(width == 1 ? row[0] : Collections.unmodifiableList(java.util.Arrays.asList(
            row.clone())));
      }
    }
    List<Object[]> out = new ArrayList<>(1);
    out.add(new Object[] {Collections.unmodifiableList(items)});
    return Cursor.of(out);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Collect";
  }
}
