package io.snapsync.core.sql.engine.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * {@code agg(d, ...) WITHIN GROUP (ORDER BY s, ...)} for PostgreSQL's ordered-set and
 * hypothetical-set aggregates, rewritten before validation into
 * {@code agg(d, ..., s, ...) WITHIN GROUP (ORDER BY s, ...)} over an
 * {@link OrderedSetAggOperator}: the aggregate receives its direct arguments and the sorted
 * values together, in ORDER BY order, and its result type can follow the sorted values' types.
 * Static; mutates the parsed tree in place.
 */
final class OrderedSetCalls {

  private OrderedSetCalls() {
  }

  /** Rewrites every ordered-set aggregate call in {@code node}. */
  static void apply(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      list.forEach(n -> apply(n));
      return;
    }
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call.getKind() == SqlKind.WITHIN_GROUP && call.operand(0) instanceof SqlBasicCall agg
        && call.operand(1) instanceof SqlNodeList order
        && OrderedSetAggOperator.NAMES.contains(
            agg.getOperator().getName().toLowerCase(Locale.ROOT))) {
      List<SqlNode> operands = new ArrayList<>(agg.getOperandList());
      for (SqlNode item : order) {
        operands.add(TreeCopy.of(sorted(item)));
      }
      OrderedSetAggOperator op = new OrderedSetAggOperator(
          agg.getOperator().getName().toLowerCase(Locale.ROOT));
      call.setOperand(0, op.createCall(agg.getFunctionQuantifier(), agg.getParserPosition(),
          operands.toArray(new SqlNode[0])));
    }
    for (SqlNode operand : call.getOperandList()) {
      apply(operand);
    }
  }

  /** The expression of an ORDER BY item, without DESC and NULLS FIRST / LAST. */
  private static SqlNode sorted(SqlNode item) {
    while (item instanceof SqlCall c && (c.getKind() == SqlKind.DESCENDING
        || c.getKind() == SqlKind.NULLS_FIRST || c.getKind() == SqlKind.NULLS_LAST)) {
      item = c.operand(0);
    }
    return item;
  }
}
