package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.analyze.TypeMapping;
import io.snapsync.core.sql.engine.exec.AggSpec;
import io.snapsync.core.sql.engine.exec.RangeOffset;
import io.snapsync.core.sql.engine.exec.SortKey;
import io.snapsync.core.sql.func.ScalarFunction;
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
      "lag", "lead", "first_value", "last_value", "nth_value");

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
      List<SortKey> order = new ArrayList<>();
      for (RelFieldCollation fc : g.orderKeys.getFieldCollations()) {
        boolean desc = fc.getDirection().isDescending();
        boolean nullsFirst = switch (fc.nullDirection) {
          case FIRST -> true;
          case LAST -> false;
          default -> desc;
        };
        order.add(new SortKey(fc.getFieldIndex(), desc,
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
      boolean peerGroups = g.isRows && (GroupsOffsets.marked(w, g.lowerBound)
          || GroupsOffsets.marked(w, g.upperBound));
      if (peerGroups && order.isEmpty()) {
        throw SnapsyncException.error(SqlState.WINDOWING_ERROR,
            "engine.expr.groups_needs_order");
      }
      WindowNode.Bound lower = peerGroups ? GroupsOffsets.bound(w, g.lowerBound, constants)
          : bound(g.lowerBound, constants, inputWidth, !g.isRows, true);
      WindowNode.Bound upper = peerGroups ? GroupsOffsets.bound(w, g.upperBound, constants)
          : bound(g.upperBound, constants, inputWidth, !g.isRows, false);
      RangeOffset range = peerGroups || !lower.isRange() && !upper.isRange() ? null
          : rangeOffset(w, order, offsetType(g.lowerBound, g.upperBound));
      WindowNode.Exclude exclude = switch (g.exclude) {
        case EXCLUDE_CURRENT_ROW -> WindowNode.Exclude.CURRENT_ROW;
        case EXCLUDE_GROUP -> WindowNode.Exclude.GROUP;
        case EXCLUDE_TIES -> WindowNode.Exclude.TIES;
        default -> WindowNode.Exclude.NONE;
      };
      groups.add(new WindowNode.Group(g.keys.toArray(), order, g.isRows && !peerGroups, lower,
          upper, calls, range, exclude, peerGroups));
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

  /** How RANGE offsets shift the one ORDER BY column of a window over {@code w}'s input. */
  private static DataType offsetType(RexWindowBound lower, RexWindowBound upper) {
    RexNode off = lower.getOffset() != null ? lower.getOffset() : upper.getOffset();
    return TypeMapping.toData(off.getType());
  }

  private RangeOffset rangeOffset(Window w, List<SortKey> order, DataType offType) {
    if (order.size() != 1) {
      throw SnapsyncException.error(SqlState.WINDOWING_ERROR, "engine.expr.range_one_order_column");
    }
    SortKey key = order.get(0);
    DataType type = TypeMapping.toData(
        w.getInput().getRowType().getFieldList().get(key.field()).getType());
    if (RangeOffset.INTEGERS.contains(type)) {
      return new RangeOffset(key, type, null, null, DataType.NUMERIC);
    }
    ScalarFunction plus = library.scalar("+", List.of(type, offType)).orElse(null);
    ScalarFunction minus = library.scalar("-", List.of(type, offType)).orElse(null);
    if (plus == null || minus == null || type == DataType.TEXT) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "engine.expr.range_offset_type", type.sqlName());
    }
    return new RangeOffset(key, type, plus, minus, plus.returnType());
  }

  private static WindowNode.Bound bound(RexWindowBound b, Object[] constants, int inputWidth,
      boolean range, boolean lower) {
    if (b.isUnbounded()) {
      return new WindowNode.Bound(true, false, 0);
    }
    if (b.isCurrentRow()) {
      return new WindowNode.Bound(false, true, 0);
    }
    RexNode off = b.getOffset();
    if (range && off instanceof RexInputRef ref && ref.getIndex() < inputWidth) {
      return new WindowNode.Bound(false, false, b.isPreceding() ? -1 : 1, null, ref.getIndex());
    }
    Object v = off instanceof RexLiteral lit ? RexCompiler.literal(lit)
        : constants[((RexInputRef) off).getIndex() - inputWidth];
    if (range) {
      RangeOffset.check(v, lower);
      return new WindowNode.Bound(false, false, b.isPreceding() ? -1 : 1, v, -1);
    }
    if (v == null) {
      RangeOffset.check(null, lower);
    }
    long n = ((Number) v).longValue();
    if (n < 0) {
      throw SnapsyncException.error(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE, lower
          ? "engine.expr.frame_start_negative"
          : "engine.expr.frame_end_negative");
    }
    return new WindowNode.Bound(false, false, b.isPreceding() ? -n : n);
  }
}
