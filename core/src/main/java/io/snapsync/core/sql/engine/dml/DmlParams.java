package io.snapsync.core.sql.engine.dml;

import io.snapsync.core.sql.engine.analyze.Analyzer;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Parameters of the queries the DML analyzer builds from parts of a statement. Parsed parts
 * first get their parameters numbered as PostgreSQL numbers them ({@code $1} is 0), so parts
 * of different texts and the analyzer's own parameters (keys, {@code excluded} values) can be
 * mixed; a built query is then renumbered in the order the validator lists its parameters,
 * with the PostgreSQL number of each ({@link Analyzer.Parsed#paramNumbers}). Static.
 */
final class DmlParams {

  private DmlParams() {
  }

  /** The parsed tree with each parameter's index replaced by its PostgreSQL number. In place. */
  static SqlNode byNumber(Analyzer.Parsed p) {
    int[] numbers = p.paramNumbers();
    return apply(p.node(), new SqlShuttle() {
      @Override
      public SqlNode visit(SqlDynamicParam param) {
        return new SqlDynamicParam(numbers[param.getIndex()], param.getParserPosition());
      }
    });
  }

  /**
   * {@code query} (parameters by number) with parameters in visiting order, and their numbers;
   * error positions as in {@code origin}, the statement it was built from.
   */
  static Analyzer.Parsed renumber(SqlNode query, Analyzer.Parsed origin) {
    List<Integer> numbers = new ArrayList<>();
    SqlShuttle shuttle = new SqlShuttle() {
      @Override
      public SqlNode visit(SqlDynamicParam param) {
        numbers.add(param.getIndex());
        return new SqlDynamicParam(numbers.size() - 1, param.getParserPosition());
      }
    };
    SqlNode out;
    try {
      out = inPlace(query, shuttle);
    } catch (UnsupportedOperationException notSettable) {
      numbers.clear();
      out = query.accept(shuttle);
    }
    return new Analyzer.Parsed(out, origin.text(),
        numbers.stream().mapToInt(Integer::intValue).toArray());
  }

  private static SqlNode apply(SqlNode node, SqlShuttle shuttle) {
    try {
      return inPlace(node, shuttle);
    } catch (UnsupportedOperationException notSettable) {
      return node.accept(shuttle);
    }
  }

  /** Statements (INSERT, UPDATE, ...) cannot be rebuilt by a shuttle: their operands are set. */
  private static SqlNode inPlace(SqlNode node, SqlShuttle shuttle) {
    if (!(node instanceof SqlCall call)) {
      return node.accept(shuttle);
    }
    List<SqlNode> ops = call.getOperandList();
    for (int i = 0; i < ops.size(); i++) {
      SqlNode op = ops.get(i);
      if (op != null) {
        SqlNode replaced = op.accept(shuttle);
        if (replaced != op) {
          call.setOperand(i, replaced);
        }
      }
    }
    return call;
  }
}
