package io.snapsync.core.sql.engine.plan;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/** The text EXPLAIN prints for a value in an index condition: {@code 5}, {@code 'x'}, {@code $1}. */
final class CondText {

  private CondText() {
  }

  static String of(RexNode n) {
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
    if (n instanceof RexCall c && c.getKind() == SqlKind.CAST) {
      return of(c.getOperands().get(0));
    }
    return n.toString();
  }
}
