package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.engine.exec.IndexScanNode;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.exec.TableScanNode;
import io.snapsync.core.sql.engine.expr.RexCompiler;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexDef;
import io.snapsync.core.sql.index.IndexKeys;
import io.snapsync.core.sql.index.TableStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Chooses how a filtered table is read: a primary-key point lookup when the filter fixes the
 * key ({@link KeyRanges}), else the cheapest of the primary-key range or full scan and an
 * index scan per secondary index whose leading columns the filter fixes by equality (and the
 * next one by a range). Costs count store reads: a full scan reads every row, an index scan
 * {@code log2(n)} to seek, one entry per match and, unless the index covers every column the
 * plan reads (an index-only scan), three more per match for the row's point read. Matches are
 * estimated from {@link TableStats} (ANALYZE), else PostgreSQL's default selectivities.
 */
final class ScanChoice {

  /** Relative cost of a row's point read against reading the next entry of a scan. */
  static final double ROW_FETCH = 3;

  private ScanChoice() {
  }

  /** A bound of one column: the value compiled and its SQL text. */
  private record Bound(RexNode value, boolean inclusive) {
  }

  private static final class ColumnConds {
    RexNode eq;
    Bound lower;
    Bound upper;
  }

  /**
   * The scan of {@code def} for {@code condition}; {@code needed}: the columns the plan above
   * reads (null: all).
   */
  static PlanNode choose(TableDef def, RexNode condition, Set<Integer> needed, RexBuilder rb,
      RexCompiler rex) {
    TableScanNode pkScan = KeyRanges.scan(def, condition, rb, rex);
    if (pkScan.point() != null || def.indexes().isEmpty()) {
      return pkScan;
    }
    Map<Integer, ColumnConds> conds = conditions(RexUtil.expandSearch(rb, null, condition));
    TableStats stats = TableStats.of(def.id());
    double n = stats != null ? stats.rows() : TableStats.DEFAULT_ROWS;
    boolean pkRange = pkScan.lower() != null || pkScan.upper() != null;
    double bestCost = pkRange ? n * (pkScan.lower() != null && pkScan.upper() != null
        ? TableStats.DEFAULT_RANGE : TableStats.DEFAULT_INEQ) : n;
    PlanNode best = pkScan;
    for (IndexDef ix : def.indexes()) {
      int k = 0;
      double sel = 1;
      List<Evaluator> eq = new ArrayList<>();
      List<String> text = new ArrayList<>();
      while (k < ix.columns().size()) {
        int col = ix.columns().get(k);
        ColumnConds c = conds.get(col);
        if (c == null || c.eq == null || !IndexKeys.matches(def.columns().get(col).type())) {
          break;
        }
        eq.add(rex.compile(c.eq));
        text.add(name(def, col) + " = " + CondText.of(c.eq));
        sel *= stats != null ? stats.equalitySelectivity(col) : TableStats.DEFAULT_EQ;
        k++;
      }
      Bound lower = null;
      Bound upper = null;
      if (k < ix.columns().size()) {
        int col = ix.columns().get(k);
        ColumnConds c = conds.get(col);
        if (c != null && IndexKeys.orders(def.columns().get(col).type())) {
          lower = c.lower;
          upper = c.upper;
          if (lower != null) {
            text.add(name(def, col) + (lower.inclusive() ? " >= " : " > ")
                + CondText.of(lower.value()));
          }
          if (upper != null) {
            text.add(name(def, col) + (upper.inclusive() ? " <= " : " < ")
                + CondText.of(upper.value()));
          }
          if (lower != null || upper != null) {
            sel *= lower != null && upper != null ? TableStats.DEFAULT_RANGE
                : TableStats.DEFAULT_INEQ;
          }
        }
      }
      if (k == 0 && lower == null && upper == null) {
        continue;
      }
      double rows = ix.unique() && k == ix.columns().size() ? 1 : Math.max(1, n * sel);
      boolean covering = needed != null && ix.columns().containsAll(needed);
      double cost = log2(n) + rows * (covering ? 1 : 1 + ROW_FETCH);
      if (cost < bestCost) {
        bestCost = cost;
        String cond = text.size() == 1 ? "(" + text.get(0) + ")"
            : "((" + String.join(") AND (", text) + "))";
        best = new IndexScanNode(def, ix, eq,
            lower == null ? null : rex.compile(lower.value()), lower != null && lower.inclusive(),
            upper == null ? null : rex.compile(upper.value()), upper != null && upper.inclusive(),
            covering, cond, rows);
      }
    }
    return best;
  }

  private static double log2(double n) {
    return Math.log(n + 1) / Math.log(2);
  }

  private static String name(TableDef def, int col) {
    return def.columns().get(col).name();
  }

  /**
   * Numbers and strings of one family encode alike; other values (timestamp against
   * timestamptz, ...) only when of the very same type.
   */
  private static boolean sameEncoding(RexNode column, RexNode value) {
    var family = column.getType().getSqlTypeName().getFamily();
    return family == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC
        || family == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER
        || column.getType().getSqlTypeName() == value.getType().getSqlTypeName();
  }

  /** Per column: its equality value and range bounds among the conjuncts (first one wins). */
  private static Map<Integer, ColumnConds> conditions(RexNode condition) {
    Map<Integer, ColumnConds> out = new HashMap<>();
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
        continue;
      }
      SqlKind kind = call.getKind();
      RexNode a = call.getOperands().get(0);
      RexNode b = call.getOperands().get(1);
      if (b instanceof RexInputRef && !(a instanceof RexInputRef)) {
        RexNode t = a;
        a = b;
        b = t;
        kind = kind.reverse();
      }
      if (!(a instanceof RexInputRef ref) || !KeyRanges.rowFree(b) || !KeyRanges.sameFamily(a, b)
          || !sameEncoding(a, b)) {
        continue;
      }
      ColumnConds cc = out.computeIfAbsent(ref.getIndex(), i -> new ColumnConds());
      switch (kind) {
        case EQUALS -> cc.eq = cc.eq == null ? b : cc.eq;
        case GREATER_THAN -> cc.lower = cc.lower == null ? new Bound(b, false) : cc.lower;
        case GREATER_THAN_OR_EQUAL -> cc.lower = cc.lower == null ? new Bound(b, true) : cc.lower;
        case LESS_THAN -> cc.upper = cc.upper == null ? new Bound(b, false) : cc.upper;
        case LESS_THAN_OR_EQUAL -> cc.upper = cc.upper == null ? new Bound(b, true) : cc.upper;
        default -> {
        }
      }
    }
    return out;
  }
}
