package io.snapsync.core.sql.srf;

import io.snapsync.core.sql.engine.exec.PlanNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.Spool;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.schema.TransientTable;

/**
 * WITH RECURSIVE in the plan builder: Calcite's {@link RepeatUnion} becomes a
 * {@link RecursiveUnionNode} and each scan of its transient table a {@link WorkTableScanNode}
 * reading the rows of the previous iteration. Each recursive query of a plan gets its own
 * work-table slot. One per plan builder; not thread-safe.
 */
public final class WorkTables {

  private final Map<String, Integer> slots = new HashMap<>();

  /** True when {@code scan} reads a recursive query's work table. */
  public static boolean isWorkTable(TableScan scan) {
    return scan.getTable().unwrap(TransientTable.class) != null;
  }

  /** The scan of the work table {@code scan} reads. */
  public PlanNode scan(TableScan scan) {
    return new WorkTableScanNode(slot(scan.getTable().getQualifiedName()));
  }

  /** The recursive union of {@code u}, its inputs built by {@code build}. */
  public PlanNode union(RepeatUnion u, Function<RelNode, PlanNode> build) {
    int slot = slot(u.getTransientTable() == null ? List.of("?")
        : u.getTransientTable().getQualifiedName());
    return new RecursiveUnionNode(build.apply(unspooled(u.getSeedRel())),
        build.apply(unspooled(u.getIterativeRel())), u.all, slot);
  }

  private static RelNode unspooled(RelNode rel) {
    return rel instanceof Spool s ? s.getInput() : rel;
  }

  private int slot(List<String> name) {
    // slots below every correlation id Calcite assigns (those are >= 0)
    return slots.computeIfAbsent(String.join(".", name), k -> -1000 - slots.size());
  }
}
