package io.snapsync.core.sql.explain;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * An expression as PostgreSQL's EXPLAIN prints it: {@code (a = 5)}, {@code ((a > 1) AND (b =
 * 'x'::text))}, columns by name, parameters as {@code $n}. Stateless.
 */
final class ExprText {

  private ExprText() {
  }

  static String of(RexNode n, List<String> fields) {
    if (n instanceof RexInputRef r) {
      return r.getIndex() < fields.size() ? fields.get(r.getIndex()) : "$" + r.getIndex();
    }
    if (n instanceof RexLiteral l) {
      Object v = l.getValue2();
      if (v == null) {
        return "NULL";
      }
      if (l.getType().getFamily() == SqlTypeFamily.CHARACTER) {
        return "'" + v.toString().replace("'", "''") + "'::text";
      }
      return v.toString();
    }
    if (n instanceof RexDynamicParam p) {
      return "$" + (p.getIndex() + 1);
    }
    if (!(n instanceof RexCall c)) {
      return n.toString();
    }
    List<RexNode> ops = c.getOperands();
    SqlKind k = c.getKind();
    switch (k) {
      case CAST:
        return of(ops.get(0), fields);
      case AND:
      case OR:
        return ops.stream().map(o -> of(o, fields))
            .collect(Collectors.joining(" " + k.sql + " ", "(", ")"));
      case NOT:
        return "(NOT " + of(ops.get(0), fields) + ")";
      case IS_NULL:
        return "(" + of(ops.get(0), fields) + " IS NULL)";
      case IS_NOT_NULL:
        return "(" + of(ops.get(0), fields) + " IS NOT NULL)";
      default:
        break;
    }
    if (ops.size() == 2 && c.getOperator().getKind().belongsTo(SqlKind.BINARY_COMPARISON)
        || ops.size() == 2 && (k == SqlKind.PLUS || k == SqlKind.MINUS || k == SqlKind.TIMES
            || k == SqlKind.DIVIDE || k == SqlKind.LIKE)) {
      String op = k == SqlKind.LIKE ? "~~" : c.getOperator().getName();
      return "(" + of(ops.get(0), fields) + " " + op + " " + of(ops.get(1), fields) + ")";
    }
    return c.getOperator().getName().toLowerCase(java.util.Locale.ROOT)
        + ops.stream().map(o -> of(o, fields)).collect(Collectors.joining(", ", "(", ")"));
  }
}
