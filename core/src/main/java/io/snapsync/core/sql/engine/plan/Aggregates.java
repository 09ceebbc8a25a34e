package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.analyze.TypeMapping;
import io.snapsync.core.sql.engine.exec.AggSpec;
import io.snapsync.core.sql.engine.exec.AggregateNode;
import io.snapsync.core.sql.engine.exec.GroupingSetsNode;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.func.AggregateFunction;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/** Builds {@link AggregateNode}s and the {@link AggSpec}s of aggregate and window calls. */
final class Aggregates {

  private final FunctionLibrary library;

  Aggregates(FunctionLibrary library) {
    this.library = library;
  }

  PlanNode build(Aggregate a, PlanNode input) {
    List<AggSpec> specs = new ArrayList<>();
    boolean grouping = a.getGroupType() != Aggregate.Group.SIMPLE;
    for (AggregateCall call : a.getAggCallList()) {
      if (call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.GROUPING) {
        grouping = true;
        specs.add(new AggSpec(AggSpec.GROUPING, null, call.getArgList().stream()
            .mapToInt(Integer::intValue).toArray(), false, -1,
            TypeMapping.toData(call.getType())));
        continue;
      }
      if (call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.LITERAL_AGG) {
        DataType type = TypeMapping.toData(call.getType());
        specs.add(new AggSpec("literal_agg", io.snapsync.core.sql.engine.exec.AggFallbacks
            .literal(io.snapsync.core.sql.engine.expr.RexCompiler.literal(
                (org.apache.calcite.rex.RexLiteral) call.rexList.get(0)), type),
            new int[0], false, -1, type));
        continue;
      }
      if (call.getAggregation()
          instanceof io.snapsync.core.sql.engine.analyze.OrderedSetAggOperator) {
        specs.add(withinGroup(call, a.getInput()));
        continue;
      }
      AggSpec spec = spec(call.getAggregation().getName(), call.getArgList(),
          call.isDistinct(), call.filterArg, call.getType(), a.getInput());
      if (!call.getCollation().getFieldCollations().isEmpty()) {
        spec = spec.ordered(orderKeys(call, a.getInput()));
      }
      specs.add(spec);
    }
    if (grouping) {
      // the empty set first, the others in their order: PostgreSQL's MixedAggregate order
      List<int[]> sets = new ArrayList<>();
      for (ImmutableBitSet set : a.getGroupSets()) {
        if (set.isEmpty()) {
          sets.add(0, set.toArray());
        } else {
          sets.add(set.toArray());
        }
      }
      return new GroupingSetsNode(input, a.getGroupSet().toArray(), sets, specs);
    }
    return new AggregateNode(input, a.getGroupSet().toArray(), specs);
  }

  /** An ordered-set or hypothetical-set aggregate: direct arguments, then the sorted values. */
  private static AggSpec withinGroup(AggregateCall call, RelNode input) {
    List<io.snapsync.core.sql.engine.exec.SortKey> keys = orderKeys(call, input);
    String name = call.getAggregation().getName();
    DataType type = TypeMapping.toData(call.getType());
    int direct = call.getArgList().size() - keys.size();
    return new AggSpec(name, io.snapsync.core.sql.engine.exec.OrderedSetAggs.of(name, direct,
        keys, type), call.getArgList().stream().mapToInt(Integer::intValue).toArray(), false,
        call.filterArg, type).ordered(keys);
  }

  private static List<io.snapsync.core.sql.engine.exec.SortKey> orderKeys(AggregateCall call,
      RelNode input) {
    List<io.snapsync.core.sql.engine.exec.SortKey> keys = new ArrayList<>();
    for (org.apache.calcite.rel.RelFieldCollation fc : call.getCollation().getFieldCollations()) {
      boolean desc = fc.getDirection().isDescending();
      boolean nullsFirst = switch (fc.nullDirection) {
        case FIRST -> true;
        case LAST -> false;
        default -> desc;
      };
      keys.add(new io.snapsync.core.sql.engine.exec.SortKey(fc.getFieldIndex(), desc, nullsFirst,
          TypeMapping.toData(input.getRowType().getFieldList().get(fc.getFieldIndex())
              .getType())));
    }
    return keys;
  }

  /** The spec of aggregate {@code name} over input fields {@code args}. */
  AggSpec spec(String calciteName, List<Integer> args, boolean distinct, int filter,
      org.apache.calcite.rel.type.RelDataType resultType, RelNode input) {
    String name = calciteName.toLowerCase(Locale.ROOT);
    if (name.equals("listagg")) {
      name = "string_agg"; // Calcite's name for string_agg with ORDER BY inside
    }
    List<DataType> argTypes = new ArrayList<>();
    for (int i : args) {
      argTypes.add(TypeMapping.toData(input.getRowType().getFieldList().get(i).getType()));
    }
    DataType type = TypeMapping.toData(resultType);
    AggregateFunction f = library.aggregate(name, argTypes).orElse(null);
    if (f == null) {
      f = io.snapsync.core.sql.engine.exec.AggFallbacks.of(name, library, argTypes, type);
    }
    if (f == null) {
      throw io.snapsync.core.sql.engine.analyze.FunctionErrors.undefined(name, argTypes);
    }
    return new AggSpec(name, f, args.stream().mapToInt(Integer::intValue).toArray(), distinct,
        filter, type);
  }
}
