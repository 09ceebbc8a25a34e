package io.snapsync.core.sql.explain;

import io.snapsync.core.sql.engine.exec.FilterNode;
import io.snapsync.core.sql.engine.exec.IndexScanNode;
import io.snapsync.core.sql.engine.exec.InstrumentedNode;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.exec.ProjectNode;
import io.snapsync.core.sql.engine.exec.TableScanNode;
import io.snapsync.core.sql.engine.exec.ValuesNode;
import io.snapsync.core.sql.index.TableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Prints an operator tree in PostgreSQL's EXPLAIN text shape: one line per operator, children
 * under {@code "->  "} indented six more columns, details ({@code Index Cond}, {@code Filter})
 * below their operator; projections are folded into their input and a filter over a scan into
 * the scan, as PostgreSQL shows them. Estimates: a never-analyzed table is taken to hold
 * {@link TableStats#DEFAULT_ROWS} rows. Not thread-safe; one per EXPLAIN.
 */
final class PlanText {

  private final Map<PlanNode, RelNode> origins;
  private final boolean costs;
  private final boolean analyze;
  private final boolean timing;
  private final List<String> lines = new ArrayList<>();

  PlanText(Map<PlanNode, RelNode> origins, boolean costs, boolean analyze, boolean timing) {
    this.origins = origins;
    this.costs = costs;
    this.analyze = analyze;
    this.timing = timing;
  }

  List<String> print(PlanNode root) {
    node(root, 0);
    return lines;
  }

  private record Estimate(double rows, double cost) {
  }

  private Estimate node(PlanNode n, int depth) {
    InstrumentedNode actual = n instanceof InstrumentedNode i ? i : null;
    PlanNode bare = bare(n);
    RelNode rel = origins.get(n);
    if (bare instanceof ProjectNode p && !(bare(p.input()) instanceof ValuesNode)) {
      return node(p.input(), depth);
    }
    String title;
    List<String> details = new ArrayList<>();
    List<PlanNode> children = bare.inputs();
    Estimate est;
    if (bare instanceof FilterNode f && isScan(bare(f.input()))) {
      PlanNode scan = bare(f.input());
      title = scan.describe();
      est = scanDetails(scan, rel instanceof Filter rf ? rf : null, details);
      children = List.of();
    } else if (bare instanceof ProjectNode p) {
      title = "Result";
      est = new Estimate(1, 0.01);
      children = List.of();
    } else if (isScan(bare)) {
      title = bare.describe();
      est = scanDetails(bare, null, details);
    } else {
      title = bare.describe();
      if (bare instanceof FilterNode && rel instanceof Filter rf) {
        details.add("Filter: " + ExprText.of(rf.getCondition(), fieldNames(rf.getInput())));
      }
      est = null;
    }
    int at = lines.size();
    lines.add("");
    for (String d : details) {
      lines.add(" ".repeat(depth == 0 ? 2 : 6 * depth + 2) + d);
    }
    double childRows = 0;
    double childCost = 0;
    for (PlanNode c : children) {
      Estimate e = node(c, depth + 1);
      childRows = Math.max(childRows, e.rows());
      childCost += e.cost();
    }
    if (est == null) {
      double rows = title.contains("Aggregate") && rel instanceof org.apache.calcite.rel.core
          .Aggregate a && a.getGroupSet().isEmpty() ? 1 : Math.max(1, childRows);
      est = new Estimate(rows, childCost + rows * 0.01);
    }
    StringBuilder line = new StringBuilder();
    line.append(depth == 0 ? "" : " ".repeat(6 * (depth - 1) + 2) + "->  ").append(title);
    if (costs) {
      line.append(String.format(Locale.ROOT, "  (cost=0.00..%.2f rows=%d width=%d)", est.cost(),
          Math.round(Math.max(1, est.rows())), width(rel)));
    }
    if (analyze && actual != null) {
      line.append(" ");
      line.append(timing ? String.format(Locale.ROOT, "(actual time=%.3f..%.3f rows=%d loops=%d)",
          actual.startupMillis(), actual.totalMillis(), actual.rows() / Math.max(1, actual.loops()),
          actual.loops())
          : String.format(Locale.ROOT, "(actual rows=%d loops=%d)",
              actual.rows() / Math.max(1, actual.loops()), actual.loops()));
    } else if (analyze) {
      line.append(" (never executed)");
    }
    lines.set(at, line.toString());
    return est;
  }

  /** Index Cond and Filter lines of a scan and its estimate. */
  private Estimate scanDetails(PlanNode scan, Filter filter, List<String> details) {
    List<String> fields = filter == null ? List.of() : fieldNames(filter.getInput());
    List<String> indexCond = new ArrayList<>();
    TableStats stats;
    double n;
    Estimate est;
    if (scan instanceof IndexScanNode ix) {
      if (!ix.cond().isEmpty()) {
        indexCond.add(ix.cond());
      }
      stats = TableStats.of(ix.def().id());
      n = stats != null ? stats.rows() : TableStats.DEFAULT_ROWS;
      est = new Estimate(ix.estimatedRows(),
          Math.log(n + 1) / Math.log(2) + ix.estimatedRows() * (ix.indexOnly() ? 1 : 4));
    } else {
      TableScanNode t = (TableScanNode) scan;
      stats = TableStats.of(t.def().id());
      n = stats != null ? stats.rows() : TableStats.DEFAULT_ROWS;
      if (t.point() != null) {
        est = new Estimate(1, 1 + Math.log(n + 1) / Math.log(2));
      } else if (t.lower() != null || t.upper() != null) {
        double r = n * (t.lower() != null && t.upper() != null ? TableStats.DEFAULT_RANGE
            : TableStats.DEFAULT_INEQ);
        est = new Estimate(r, r);
      } else {
        est = new Estimate(n, n);
      }
    }
    if (filter != null) {
      List<String> rest = new ArrayList<>();
      double sel = 1;
      RexNode cond = RexUtil.expandSearch(filter.getCluster().getRexBuilder(), null,
          filter.getCondition());
      for (RexNode c : RelOptUtil.conjunctions(cond)) {
        String text = ExprText.of(c, fields);
        boolean key = scan instanceof TableScanNode t && !t.def().hiddenKey() && t.def().pk() >= 0
            && (t.point() != null || t.lower() != null || t.upper() != null)
            && RelOptUtil.InputFinder.bits(c).equals(
                org.apache.calcite.util.ImmutableBitSet.of(t.def().pk()));
        if (key) {
          indexCond.add(text);
        } else if (!(scan instanceof IndexScanNode ix && ix.cond().contains(text))) {
          rest.add(text);
          sel *= c.isA(org.apache.calcite.sql.SqlKind.EQUALS) ? TableStats.DEFAULT_EQ : 1.0 / 3;
        }
      }
      if (!indexCond.isEmpty() && scan instanceof TableScanNode) {
        details.add("Index Cond: " + join(indexCond));
      } else if (scan instanceof IndexScanNode && !indexCond.isEmpty()) {
        details.add("Index Cond: " + indexCond.get(0));
      }
      if (!rest.isEmpty()) {
        details.add("Filter: " + join(rest));
        if (scan instanceof TableScanNode t && t.point() == null) {
          est = new Estimate(Math.max(1, est.rows() * sel), est.cost() + est.rows() * 0.01);
        }
      }
    } else if (scan instanceof IndexScanNode && !indexCond.isEmpty()) {
      details.add("Index Cond: " + indexCond.get(0));
    }
    return est;
  }

  private static String join(List<String> conds) {
    return conds.size() == 1 ? conds.get(0) : "(" + String.join(" AND ", conds) + ")";
  }

  private static boolean isScan(PlanNode n) {
    return n instanceof TableScanNode || n instanceof IndexScanNode;
  }

  private static PlanNode bare(PlanNode n) {
    return n instanceof InstrumentedNode i ? i.inner() : n;
  }

  private static List<String> fieldNames(RelNode rel) {
    return rel.getRowType().getFieldList().stream().map(RelDataTypeField::getName).toList();
  }

  /** PostgreSQL-like average row width in bytes. */
  private static int width(RelNode rel) {
    if (rel == null) {
      return 0;
    }
    int w = 0;
    for (RelDataTypeField f : rel.getRowType().getFieldList()) {
      w += switch (f.getType().getSqlTypeName()) {
        case BOOLEAN, TINYINT -> 1;
        case SMALLINT -> 2;
        case INTEGER, REAL, DATE -> 4;
        case BIGINT, DOUBLE, TIMESTAMP, TIME, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 8;
        default -> 32;
      };
    }
    return w;
  }
}
