package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.sql.engine.exec.WindowNode;
import io.snapsync.sql.parser.ast.PgGroupsFrame;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

/**
 * The bounds of a GROUPS frame: the parser gives it in ROWS mode with each offset wrapped in
 * {@link PgGroupsFrame#OFFSET}; Calcite then computes the offset in the window's input
 * projection (or keeps it as a constant), so the marker is looked for in both places.
 */
final class GroupsOffsets {

  private GroupsOffsets() {
  }

  /** Whether {@code b}'s offset is a GROUPS offset. */
  static boolean marked(Window w, RexWindowBound b) {
    RexNode off = b.getOffset();
    if (off == null) {
      return false;
    }
    if (isMarker(off)) {
      return true;
    }
    int width = w.getInput().getRowType().getFieldCount();
    return off instanceof RexInputRef ref && ref.getIndex() < width
        && input(w) instanceof Project p && isMarker(p.getProjects().get(ref.getIndex()));
  }

  /** The bound; its offset is checked (NULL, negative) when the frame is computed. */
  static WindowNode.Bound bound(Window w, RexWindowBound b, Object[] constants) {
    if (b.isUnbounded()) {
      return new WindowNode.Bound(true, false, 0);
    }
    if (b.isCurrentRow()) {
      return new WindowNode.Bound(false, true, 0);
    }
    int sign = b.isPreceding() ? -1 : 1;
    int width = w.getInput().getRowType().getFieldCount();
    RexNode off = b.getOffset();
    if (off instanceof RexInputRef ref && ref.getIndex() < width) {
      return new WindowNode.Bound(false, false, sign, null, ref.getIndex());
    }
    if (off instanceof RexInputRef ref) {
      return new WindowNode.Bound(false, false, sign, constants[ref.getIndex() - width], -1);
    }
    RexNode inner = ((RexCall) off).getOperands().get(0);
    Object v = inner instanceof org.apache.calcite.rex.RexLiteral lit
        ? io.snapsync.core.sql.engine.expr.RexCompiler.literal(lit)
        : constants[((RexInputRef) inner).getIndex() - width];
    return new WindowNode.Bound(false, false, sign, v, -1);
  }

  private static boolean isMarker(RexNode node) {
    return node instanceof RexCall c && c.getOperator() == PgGroupsFrame.OFFSET;
  }

  private static RelNode input(Window w) {
    RelNode in = w.getInput();
    return in instanceof org.apache.calcite.plan.hep.HepRelVertex v ? v.getCurrentRel() : in;
  }
}
