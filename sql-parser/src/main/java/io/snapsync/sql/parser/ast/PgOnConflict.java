package io.snapsync.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ON CONFLICT [(cols) [WHERE p] | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ...
 * [WHERE ...]} of an INSERT. In {@code DO UPDATE}, {@code excluded.col} is an ordinary
 * compound identifier naming the row proposed for insertion.
 */
public final class PgOnConflict extends SqlCall {

  /** What to do on a conflict. */
  public enum Action { NOTHING, UPDATE }

  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ON CONFLICT", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(SqlLiteral q, SqlParserPos pos, SqlNode... o) {
          return new PgOnConflict(pos, (SqlNodeList) o[0], o[1], (SqlIdentifier) o[2],
              ((SqlLiteral) o[3]).getValueAs(Action.class), (SqlNodeList) o[4],
              (SqlNodeList) o[5], o[6]);
        }
      };

  private final SqlNodeList targetColumns;
  private final SqlNode targetWhere;
  private final SqlIdentifier constraint;
  private final Action action;
  private final SqlNodeList updateColumns;
  private final SqlNodeList updateValues;
  private final SqlNode updateWhere;

  public PgOnConflict(SqlParserPos pos, SqlNodeList targetColumns, SqlNode targetWhere,
      SqlIdentifier constraint, Action action, SqlNodeList updateColumns,
      SqlNodeList updateValues, SqlNode updateWhere) {
    super(pos);
    this.targetColumns = targetColumns;
    this.targetWhere = targetWhere;
    this.constraint = constraint;
    this.action = action;
    this.updateColumns = updateColumns;
    this.updateValues = updateValues;
    this.updateWhere = updateWhere;
  }

  /** The conflict target's index columns or expressions, or null. */
  public SqlNodeList targetColumns() {
    return targetColumns;
  }

  /** The conflict target's partial-index predicate, or null. */
  public SqlNode targetWhere() {
    return targetWhere;
  }

  /** {@code ON CONSTRAINT name}, or null. */
  public SqlIdentifier constraint() {
    return constraint;
  }

  public Action action() {
    return action;
  }

  /** For DO UPDATE: the columns set, in order; else null. */
  public SqlNodeList updateColumns() {
    return updateColumns;
  }

  /** For DO UPDATE: the values, parallel to {@link #updateColumns()}; else null. */
  public SqlNodeList updateValues() {
    return updateValues;
  }

  /** For DO UPDATE: the WHERE condition, or null. */
  public SqlNode updateWhere() {
    return updateWhere;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(targetColumns, targetWhere, constraint,
        SqlLiteral.createSymbol(action, getParserPosition()), updateColumns, updateValues,
        updateWhere);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.newlineAndIndent();
    writer.keyword("ON CONFLICT");
    if (targetColumns != null) {
      SqlWriter.Frame f = writer.startList("(", ")");
      for (SqlNode c : targetColumns) {
        writer.sep(",");
        c.unparse(writer, 0, 0);
      }
      writer.endList(f);
      if (targetWhere != null) {
        writer.keyword("WHERE");
        targetWhere.unparse(writer, 0, 0);
      }
    } else if (constraint != null) {
      writer.keyword("ON CONSTRAINT");
      constraint.unparse(writer, 0, 0);
    }
    writer.keyword("DO");
    if (action == Action.NOTHING) {
      writer.keyword("NOTHING");
      return;
    }
    writer.keyword("UPDATE SET");
    PgSetClause.unparse(writer, updateColumns, updateValues);
    if (updateWhere != null) {
      writer.keyword("WHERE");
      updateWhere.unparse(writer, 0, 0);
    }
  }
}
