package io.snapsync.core.sql.ddl;

import io.snapsync.core.sql.engine.analyze.Analyzer;
import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Column defaults in INSERT: the columns an INSERT does not name get their DEFAULT expression,
 * evaluated per row by the engine like any other expression of the statement; {@code DEFAULT}
 * written in VALUES is the column's default too. The DML analyzer calls {@link #apply} on the
 * INSERT's source before planning it. Stateless, thread-safe.
 */
public final class InsertDefaults {

  private static final SqlParserPos POS = SqlParserPos.ZERO;

  /** The INSERT's source and target columns after defaults are added. */
  public record Applied(SqlNode source, int[] targets) {
  }

  private InsertDefaults() {
  }

  /** The parsed DEFAULT of column {@code col} of {@code def}, or null when it has none. */
  public static SqlNode expression(TableDef def, int col) {
    String sql = def.defaultOf(col);
    if (sql == null) {
      return null;
    }
    SqlSelect s = (SqlSelect) Analyzer.parse("SELECT (" + sql + ")").node();
    return s.getSelectList().get(0);
  }

  /**
   * Adds the defaults of the columns {@code targets} leaves out (those with a DEFAULT) to
   * {@code source}: appended to each VALUES row, or as extra outputs of a query source.
   * {@code width} is the number of columns the source gives (at most {@code targets.length}).
   */
  public static Applied apply(TableDef def, int[] targets, int width, SqlNode source) {
    List<Integer> missing = new ArrayList<>();
    boolean[] named = new boolean[def.columns().size()];
    for (int i = 0; i < width; i++) {
      named[targets[i]] = true;
    }
    for (int c = 0; c < named.length; c++) {
      if (!named[c] && def.defaultOf(c) != null) {
        missing.add(c);
      }
    }
    if (missing.isEmpty()) {
      return new Applied(source, java.util.Arrays.copyOf(targets, width));
    }
    int[] out = new int[width + missing.size()];
    System.arraycopy(targets, 0, out, 0, width);
    for (int i = 0; i < missing.size(); i++) {
      out[width + i] = missing.get(i);
    }
    if (source.getKind() == SqlKind.VALUES) {
      SqlCall values = (SqlCall) source;
      for (int r = 0; r < values.operandCount(); r++) {
        SqlCall row = values.operand(r);
        List<SqlNode> ops = new ArrayList<>(row.getOperandList());
        for (int c : missing) {
          ops.add(expression(def, c));
        }
        values.setOperand(r, row.getOperator().createCall(row.getParserPosition(), ops));
      }
      return new Applied(source, out);
    }
    SqlNodeList items = new SqlNodeList(POS);
    items.add(SqlIdentifier.star(POS));
    for (int c : missing) {
      items.add(expression(def, c));
    }
    SqlNode from = org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(POS, source,
        new SqlIdentifier("*insert_source", POS));
    return new Applied(new SqlSelect(POS, null, items, from, null, null, null, null, null, null,
        null, null, null), out);
  }
}
