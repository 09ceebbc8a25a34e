package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.engine.exec.TableScanNode;
import io.snapsync.core.sql.engine.expr.RexCompiler;
import io.snapsync.core.sql.exec.TableDef;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Pushes primary-key conditions of a filter into its table scan: {@code pk = v} becomes a
 * point lookup, {@code >, >=, <, <=} (and BETWEEN) a key range. {@code v} may be a literal, a
 * parameter or a correlated value (an index nested loop for correlated sub-queries); anything
 * reading the row itself is not pushed. The filter above keeps checking every condition.
 */
final class KeyRanges {

  private KeyRanges() {
  }

  static TableScanNode scan(TableDef def, RexNode condition, RexBuilder rb, RexCompiler rex) {
    RexNode expanded = RexUtil.expandSearch(rb, null, condition);
    Evaluator point = null;
    Evaluator lower = null;
    Evaluator upper = null;
    boolean lowerInc = false;
    boolean upperInc = false;
    for (RexNode c : RelOptUtil.conjunctions(expanded)) {
      if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
        continue;
      }
      SqlKind kind = call.getKind();
      RexNode a = call.getOperands().get(0);
      RexNode b = call.getOperands().get(1);
      if (isPk(b, def) && !isPk(a, def)) {
        RexNode t = a;
        a = b;
        b = t;
        kind = kind.reverse();
      }
      if (!isPk(a, def) || !rowFree(b) || !sameFamily(a, b)) {
        continue;
      }
      Evaluator v = rex.compile(b);
      switch (kind) {
        case EQUALS -> point = v;
        case GREATER_THAN -> {
          lower = v;
          lowerInc = false;
        }
        case GREATER_THAN_OR_EQUAL -> {
          lower = v;
          lowerInc = true;
        }
        case LESS_THAN -> {
          upper = v;
          upperInc = false;
        }
        case LESS_THAN_OR_EQUAL -> {
          upper = v;
          upperInc = true;
        }
        default -> {
        }
      }
    }
    if (point != null) {
      return new TableScanNode(def, point, null, false, null, false);
    }
    return new TableScanNode(def, null, lower, lowerInc, upper, upperInc);
  }

  private static boolean isPk(RexNode n, TableDef def) {
    return n instanceof RexInputRef ref && ref.getIndex() == def.pk();
  }

  /** True when the expression reads no column of the row being scanned. */
  static boolean rowFree(RexNode n) {
    return !RexUtil.containsInputRef(n) && !(n instanceof org.apache.calcite.rex.RexOver);
  }

  /** Only integer keys against integer values and text against text are encoded alike. */
  static boolean sameFamily(RexNode pk, RexNode v) {
    var a = pk.getType().getSqlTypeName().getFamily();
    var b = v.getType().getSqlTypeName().getFamily();
    return a == b && !(v.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.DECIMAL
        || v.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.DOUBLE);
  }
}
