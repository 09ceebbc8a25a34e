package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.sql.engine.exec.AggSpec;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.exec.WindowNode;
import io.snapsync.core.sql.engine.expr.RexCompiler;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

/** Builds a {@link WindowNode} from Calcite's {@link Window}. */
final class Windows {

  private static final Set<String> NON_AGGREGATES = Set.of("row_number", "rank", "dense_rank",
      "lag", "lead", "first_value", "last_value");

  private final FunctionLibrary library;

  Windows(FunctionLibrary library, RexCompiler rex) {
    this.library = library;
  }

  PlanNode build(Window w, PlanNode input) {
    int inputWidth = w.getInput().getRowType().getFieldCount();
    Object[] constants = new Object[w.constants.size()];
    for (int i = 0; i < constants.length; i++) {
      constants[i] = RexCompiler.literal(w.constants.get(i));
    }
    List<WindowNode.Group> groups = new ArrayList<>();
    Aggregates aggs = new Aggregates(library);
    for (Window.Group g : w.groups) {
      List<io.snapsync.core.sql.engine.exec.SortKey> order = new ArrayList<>();
      for (RelFieldCollation fc : g.orderKeys.getFieldCollations()) {
        boolean desc = fc.getDirection().isDescending();
        boolean nullsFirst = switch (fc.nullDirection) {
          case FIRST -> true;
          case LAST -> false;
          default -> desc;
        };
        order.add(new io.snapsync.core.sql.engine.exec.SortKey(fc.getFieldIndex(), desc,
            nullsFirst, null));
      }
      List<WindowNode.Call> calls = new ArrayList<>();
      for (Window.RexWinAggCall c : g.aggCalls) {
        String name = c.getOperator().getName().toLowerCase(Locale.ROOT);
        List<Integer> args = new ArrayList<>();
        for (RexNode o : c.getOperands()) {
          args.add(((RexInputRef) o).getIndex());
        }
        int[] a = args.stream().mapToInt(Integer::intValue).toArray();
        AggSpec spec = NON_AGGREGATES.contains(name) ? null
            : aggs.spec(name, args, c.distinct, -1, c.getType(), withConstants(w));
        calls.add(new WindowNode.Call(name, a, spec));
      }
      groups.add(new WindowNode.Group(g.keys.toArray(), order, g.isRows,
          bound(g.lowerBound, constants, inputWidth, true),
          bound(g.upperBound, constants, inputWidth, false), calls));
    }
    return new WindowNode(input, constants, groups, inputWidth);
  }

  /** The window's input with its constants appended (aggregate arguments may be constants). */
  private static org.apache.calcite.rel.RelNode withConstants(Window w) {
    return new org.apache.calcite.rel.AbstractRelNode(w.getCluster(), w.getTraitSet()) {
      @Override
      protected org.apache.calcite.rel.type.RelDataType deriveRowType() {
        var b = w.getCluster().getTypeFactory().builder();
        b.addAll(w.getInput().getRowType().getFieldList());
        for (int i = 0; i < w.constants.size(); i++) {
          b.add("$c" + i, w.constants.get(i).getType());
        }
        return b.build();
      }
    };
  }

  private static WindowNode.Bound bound(RexWindowBound b, Object[] constants, int inputWidth,
      boolean lower) {
    if (b.isUnbounded()) {
      return new WindowNode.Bound(true, false, 0);
    }
    if (b.isCurrentRow()) {
      return new WindowNode.Bound(false, true, 0);
    }
    RexNode off = b.getOffset();
    Object v = off instanceof RexLiteral lit ? RexCompiler.literal(lit)
        : constants[((RexInputRef) off).getIndex() - inputWidth];
    long n = ((Number) v).longValue();
    return new WindowNode.Bound(false, false, b.isPreceding() ? -n : n);
  }
}
