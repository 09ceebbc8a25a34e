package io.snapsync.core.sql.engine.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code agg(x) FILTER (WHERE c) OVER (...)}, which Calcite's validator rejects, rewritten before
 * validation into {@code agg(CASE WHEN c THEN x END) OVER (...)} ({@code count(*)}: of
 * {@code CASE WHEN c THEN 1 END}). Only for aggregates that skip NULL arguments, where the two
 * are the same rows. Static; mutates the parsed tree in place.
 */
final class WindowFilters {

  private static final Set<String> STRICT = Set.of("count", "sum", "avg", "min", "max",
      "bool_and", "bool_or", "every", "stddev", "stddev_samp", "stddev_pop", "variance",
      "var_samp", "var_pop", "string_agg");

  private WindowFilters() {
  }

  /** Rewrites every filtered window aggregate in {@code node}. */
  static void apply(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      list.forEach(WindowFilters::apply);
      return;
    }
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call.getKind() == SqlKind.OVER && call.operand(0) instanceof SqlCall filter
        && filter.getKind() == SqlKind.FILTER && filter.operand(0) instanceof SqlBasicCall agg
        && STRICT.contains(agg.getOperator().getName().toLowerCase(Locale.ROOT))) {
      SqlParserPos pos = filter.getParserPosition();
      List<SqlNode> operands = new ArrayList<>(agg.getOperandList());
      SqlNode first = operands.isEmpty() || operands.get(0) instanceof SqlIdentifier id
          && id.isStar() ? SqlLiteral.createExactNumeric("1", pos) : operands.get(0);
      SqlNode when = new SqlCase(pos, null, SqlNodeList.of(filter.operand(1)),
          SqlNodeList.of(first), SqlLiteral.createNull(pos));
      if (operands.isEmpty()) {
        operands.add(when);
      } else {
        operands.set(0, when);
      }
      call.setOperand(0, agg.getOperator().createCall(agg.getFunctionQuantifier(),
          agg.getParserPosition(), operands.toArray(new SqlNode[0])));
    }
    for (SqlNode operand : call.getOperandList()) {
      apply(operand);
    }
  }
}
