package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.sql.engine.analyze.CatalogTable;
import io.snapsync.core.sql.engine.exec.IndexScanNode;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.exec.ProjectNode;
import io.snapsync.core.sql.engine.exec.SortKey;
import io.snapsync.core.sql.engine.expr.RexCompiler;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexDef;
import io.snapsync.core.sql.index.IndexKeys;
import io.snapsync.core.sql.index.TableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * ORDER BY ... LIMIT satisfied by an index: when the sort keys are the leading columns of a
 * secondary index in its direction and null placement, over a [projected] [filtered] table
 * scan, the rows are read in index order and the sort becomes a plain LIMIT that stops after
 * the first rows (PostgreSQL's {@code Limit -> Index Scan}). Without LIMIT a full sort of a
 * sequential scan is cheaper than a point read per row, so the planner keeps it.
 */
final class IndexOrder {

  private IndexOrder() {
  }

  /** The ordered input, or null when no index gives the order. */
  static PlanNode build(RelNode input, List<SortKey> keys,
      BiFunction<PlanNode, Filter, PlanNode> filterOver,
      BiFunction<PlanNode, RelNode, PlanNode> recorded, RexCompiler rex) {
    Project project = input instanceof Project p ? p : null;
    RelNode below = project != null ? project.getInput() : input;
    Filter filter = below instanceof Filter f ? f : null;
    RelNode scanRel = filter != null ? filter.getInput() : below;
    if (!(scanRel instanceof TableScan scan)
        || scan.getTable().unwrap(CatalogTable.class) == null) {
      return null;
    }
    TableDef def = scan.getTable().unwrap(CatalogTable.class).def();
    if (def == null || PlanBuilder.appends(def)) {
      return null;
    }
    List<Integer> columns = new ArrayList<>();
    for (SortKey k : keys) {
      int field = k.field();
      if (project != null) {
        RexNode e = project.getProjects().get(field);
        if (!(e instanceof RexInputRef ref)) {
          return null;
        }
        field = ref.getIndex();
      }
      columns.add(field);
    }
    for (IndexDef ix : def.indexes()) {
      if (matches(def, ix, keys, columns)) {
        TableStats stats = TableStats.of(def.id());
        double n = stats != null ? stats.rows() : TableStats.DEFAULT_ROWS;
        PlanNode node = recorded.apply(new IndexScanNode(def, ix, List.of(), null, false, null,
            false, false, "", n), scanRel);
        if (filter != null) {
          node = filterOver.apply(node, filter);
        }
        if (project != null) {
          node = recorded.apply(new ProjectNode(node, rex.compileAll(project.getProjects())),
              project);
        }
        return node;
      }
    }
    return null;
  }

  private static boolean matches(TableDef def, IndexDef ix, List<SortKey> keys,
      List<Integer> columns) {
    if (ix.columns().size() < keys.size()) {
      return false;
    }
    for (int i = 0; i < keys.size(); i++) {
      int col = columns.get(i);
      if (ix.columns().get(i) != col || ix.descending().get(i) != keys.get(i).descending()
          || ix.nullsFirst().get(i) != keys.get(i).nullsFirst()
          || !IndexKeys.orders(def.columns().get(col).type())) {
        return false;
      }
    }
    return true;
  }
}
