package io.snapsync.core.sql.engine.analyze;

import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Parse-tree rewrites of expression forms whose PostgreSQL meaning is a plain function call:
 * {@code EXTRACT(field FROM x)} is {@code extract('field', x)} (the library's numeric
 * {@code extract} for timestamp, timestamptz, date, time and interval, as PostgreSQL 14+);
 * the frame of a ranking or offset window function ({@code lag(x) OVER (... RANGE ...)}) is
 * dropped, as PostgreSQL ignores it; row comparisons ({@code (a, b) < (c, d)}) and
 * {@code (a, b) IS [NOT] NULL} are spelled out field by field, as PostgreSQL defines them.
 * Static and thread-safe.
 */
final class ExprRewrites {

  private ExprRewrites() {
  }

  /** The rewritten call (its operands visited by {@code shuttle}), or null to keep it. */
  static SqlNode rewrite(SqlCall call, SqlShuttle shuttle) {
    if (call.getKind() == SqlKind.EXTRACT && call.operandCount() == 2
        && call.operand(0) instanceof SqlIntervalQualifier q) {
      String field = q.timeFrameName != null ? q.timeFrameName
          : q.timeUnitRange.startUnit.name();
      var pos = call.getParserPosition();
      SqlUnresolvedFunction extract = new SqlUnresolvedFunction(
          new SqlIdentifier("extract", pos), null, null, null, null,
          SqlFunctionCategory.USER_DEFINED_FUNCTION);
      return extract.createCall(pos, SqlLiteral.createCharString(
          field.toLowerCase(Locale.ROOT), q.getParserPosition()), call.operand(1).accept(shuttle));
    }
    if (ORDERINGS.contains(call.getKind()) && call.operandCount() == 2
        && call.operand(0).getKind() == SqlKind.ROW && call.operand(1).getKind() == SqlKind.ROW
        && ((SqlCall) call.operand(0)).operandCount() == ((SqlCall) call.operand(1))
            .operandCount()) {
      return rowOrdering(call, ((SqlCall) call.operand(0)).getOperandList(),
          ((SqlCall) call.operand(1)).getOperandList(), 0, shuttle);
    }
    if ((call.getKind() == SqlKind.IS_NULL || call.getKind() == SqlKind.IS_NOT_NULL)
        && call.operand(0).getKind() == SqlKind.ROW) {
      // a row IS NULL when every field is, IS NOT NULL when none is
      SqlNode all = null;
      for (SqlNode f : ((SqlCall) call.operand(0)).getOperandList()) {
        SqlNode test = call.getOperator().createCall(call.getParserPosition(), f.accept(shuttle));
        all = all == null ? test : SqlStdOperatorTable.AND.createCall(call.getParserPosition(),
            all, test);
      }
      return all;
    }
    if (call.getKind() == SqlKind.OVER && call.operandCount() == 2
        && call.operand(0) instanceof SqlCall fn
        && FRAMELESS.contains(fn.getOperator().getName().toLowerCase(Locale.ROOT))
        && call.operand(1) instanceof SqlWindow w
        && (w.getLowerBound() != null || w.getUpperBound() != null)) {
      // PostgreSQL ignores the frame of ranking and offset functions; Calcite rejects it
      SqlWindow plain = SqlWindow.create(w.getDeclName(), w.getRefName(), w.getPartitionList(),
          w.getOrderList(), SqlLiteral.createBoolean(false, w.getParserPosition()), null, null,
          null, w.getParserPosition());
      return call.getOperator().createCall(call.getParserPosition(), fn.accept(shuttle),
          plain.accept(shuttle));
    }
    return null;
  }

  private static final java.util.Set<SqlKind> ORDERINGS = java.util.EnumSet.of(
      SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL);

  /**
   * {@code (a, b) < (c, d)} as PostgreSQL compares rows: the first unequal pair decides
   * ({@code a < c OR (a = c AND b < d)}), NULL when a pair before it is NULL.
   */
  private static SqlNode rowOrdering(SqlCall call, java.util.List<SqlNode> left,
      java.util.List<SqlNode> right, int i, SqlShuttle shuttle) {
    var pos = call.getParserPosition();
    SqlNode a = left.get(i).accept(shuttle);
    SqlNode b = right.get(i).accept(shuttle);
    if (i == left.size() - 1) {
      return call.getOperator().createCall(pos, a, b);
    }
    boolean less = call.getKind() == SqlKind.LESS_THAN
        || call.getKind() == SqlKind.LESS_THAN_OR_EQUAL;
    SqlNode strict = (less ? SqlStdOperatorTable.LESS_THAN : SqlStdOperatorTable.GREATER_THAN)
        .createCall(pos, a, b);
    SqlNode equal = SqlStdOperatorTable.EQUALS.createCall(pos, a, b);
    return SqlStdOperatorTable.OR.createCall(pos, strict, SqlStdOperatorTable.AND.createCall(pos,
        equal, rowOrdering(call, left, right, i + 1, shuttle)));
  }

  /** Window functions whose result does not depend on the frame. */
  private static final java.util.Set<String> FRAMELESS = java.util.Set.of("lag", "lead", "rank",
      "dense_rank", "row_number", "percent_rank", "cume_dist", "ntile");
}
