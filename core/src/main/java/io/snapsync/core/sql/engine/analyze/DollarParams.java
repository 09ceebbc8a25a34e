package io.snapsync.core.sql.engine.analyze;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * PostgreSQL's {@code $n} parameters in a tree parsed by Calcite's stock Babel grammar, which
 * reads them as identifiers ({@code $} may continue a Calcite identifier; a PostgreSQL
 * identifier never starts with it): each becomes the dynamic parameter {@code n - 1}. Goes
 * away with the project's grammar ({@code io.snapsync.sql.parser}), which parses them as
 * parameters. Stateless, thread-safe.
 */
final class DollarParams {

  private static final SqlShuttle SHUTTLE = new SqlShuttle() {
    @Override
    public SqlNode visit(SqlIdentifier id) {
      if (id.isSimple() && id.getSimple().matches("\\$[1-9][0-9]{0,4}")) {
        return new SqlDynamicParam(Integer.parseInt(id.getSimple().substring(1)) - 1,
            id.getParserPosition());
      }
      return id;
    }
  };

  private DollarParams() {
  }

  /** {@code node} with its {@code $n} identifiers replaced; statements are changed in place. */
  static SqlNode rewrite(SqlNode node) {
    if (!(node instanceof SqlCall call)) {
      return node.accept(SHUTTLE);
    }
    try {
      List<SqlNode> ops = call.getOperandList();
      for (int i = 0; i < ops.size(); i++) {
        SqlNode op = ops.get(i);
        if (op != null && !(op instanceof SqlIdentifier)) {
          SqlNode replaced = op.accept(SHUTTLE);
          if (replaced != op) {
            call.setOperand(i, replaced);
          }
        }
      }
      return call;
    } catch (UnsupportedOperationException notSettable) {
      return call.accept(SHUTTLE);
    }
  }
}
