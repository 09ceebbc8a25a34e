package io.snapsync.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * What {@code ALTER TABLE t ALTER [COLUMN] c} does: {@code SET DEFAULT expr}, {@code DROP
 * DEFAULT}, {@code SET NOT NULL}, {@code DROP NOT NULL} or {@code [SET DATA] TYPE type}.
 */
public final class PgAlterColumn extends SqlCall {

  /** The change. */
  public enum Change { SET_DEFAULT, DROP_DEFAULT, SET_NOT_NULL, DROP_NOT_NULL, TYPE }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER COLUMN", SqlKind.OTHER_DDL);

  private final Change change;
  private final SqlNode expression;
  private final SqlDataTypeSpec type;

  public PgAlterColumn(SqlParserPos pos, Change change, SqlNode expression,
      SqlDataTypeSpec type) {
    super(pos);
    this.change = change;
    this.expression = expression;
    this.type = type;
  }

  public Change change() {
    return change;
  }

  /** The new default ({@link Change#SET_DEFAULT}), the USING expression of {@link Change#TYPE}
   * (null without one), else null. */
  public SqlNode expression() {
    return expression;
  }

  /** The new type ({@link Change#TYPE}), else null. */
  public SqlDataTypeSpec type() {
    return type;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(expression, type);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (change) {
      case SET_DEFAULT:
        writer.keyword("SET DEFAULT");
        expression.unparse(writer, 0, 0);
        break;
      case DROP_DEFAULT:
        writer.keyword("DROP DEFAULT");
        break;
      case SET_NOT_NULL:
        writer.keyword("SET NOT NULL");
        break;
      case DROP_NOT_NULL:
        writer.keyword("DROP NOT NULL");
        break;
      default:
        writer.keyword("TYPE");
        type.unparse(writer, 0, 0);
        if (expression != null) {
          writer.keyword("USING");
          expression.unparse(writer, 0, 0);
        }
    }
  }
}
