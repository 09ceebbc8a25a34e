package io.snapsync.core.sql.engine.analyze;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * A deep copy of a parsed expression, for a rewrite that uses one expression in two places
 * (the validator expands identifiers in place, so two places must not share a node).
 * Literals and parameters are immutable and shared.
 */
final class TreeCopy {

  private TreeCopy() {
  }

  static SqlNode of(SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      return id.clone(id.getParserPosition());
    }
    if (node instanceof SqlNodeList list) {
      List<SqlNode> copy = new ArrayList<>();
      list.forEach(n -> copy.add(n == null ? null : of(n)));
      return new SqlNodeList(copy, list.getParserPosition());
    }
    if (node instanceof SqlCall call) {
      List<SqlNode> operands = new ArrayList<>();
      for (SqlNode o : call.getOperandList()) {
        operands.add(o == null ? null : of(o));
      }
      return call.getOperator().createCall(call.getFunctionQuantifier(),
          call.getParserPosition(), operands.toArray(new SqlNode[0]));
    }
    return node;
  }
}
