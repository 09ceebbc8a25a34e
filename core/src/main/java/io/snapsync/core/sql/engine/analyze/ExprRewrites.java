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
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Parse-tree rewrites of expression forms whose PostgreSQL meaning is a plain function call:
 * {@code EXTRACT(field FROM x)} is {@code extract('field', x)} (the library's numeric
 * {@code extract} for timestamp, timestamptz, date, time and interval, as PostgreSQL 14+);
 * the frame of a ranking or offset window function ({@code lag(x) OVER (... RANGE ...)}) is
 * dropped, as PostgreSQL ignores it.
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

  /** Window functions whose result does not depend on the frame. */
  private static final java.util.Set<String> FRAMELESS = java.util.Set.of("lag", "lead", "rank",
      "dense_rank", "row_number", "percent_rank", "cume_dist", "ntile");
}
