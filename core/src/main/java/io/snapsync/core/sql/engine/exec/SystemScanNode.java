package io.snapsync.core.sql.engine.exec;

import java.util.ArrayList;
import java.util.List;

/** Rows of a system table, fetched before execution into slot {@code slot}. */
public record SystemScanNode(String name, int slot) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    List<Object[]> rows = new ArrayList<>();
    for (List<Object> r : ctx.tableRows(slot)) {
      rows.add(r.toArray());
    }
    return Cursor.of(rows);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "System Scan on " + name;
  }
}
