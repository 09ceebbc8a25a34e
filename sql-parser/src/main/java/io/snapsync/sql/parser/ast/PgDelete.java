package io.snapsync.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
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
 * A DELETE with PostgreSQL's {@code USING} list and/or {@code RETURNING}; a plain DELETE stays
 * Calcite's {@link SqlDelete}.
 */
public final class PgDelete extends SqlDelete {

  public static final SqlOperator OPERATOR = new SqlSpecialOperator("DELETE", SqlKind.DELETE) {
    @Override
    public SqlCall createCall(SqlLiteral q, SqlParserPos pos, SqlNode... o) {
      return new PgDelete(pos, o[0], o[1], (SqlIdentifier) o[2], o[3], (SqlNodeList) o[4]);
    }
  };

  private final SqlNode using;
  private final SqlNodeList returning;

  public PgDelete(SqlParserPos pos, SqlNode targetTable, SqlNode condition, SqlIdentifier alias,
      SqlNode using, SqlNodeList returning) {
    super(pos, targetTable, condition, null, alias);
    this.using = using;
    this.returning = returning;
  }

  /** The USING clause (a table reference or join tree), or null. */
  public SqlNode using() {
    return using;
  }

  /** The RETURNING select items, or null. */
  public SqlNodeList returning() {
    return returning;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(getTargetTable(), getCondition(), getAlias(), using, returning);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "DELETE FROM", "");
    getTargetTable().unparse(writer, 0, 0);
    if (getAlias() != null) {
      writer.keyword("AS");
      getAlias().unparse(writer, 0, 0);
    }
    if (using != null) {
      writer.newlineAndIndent();
      writer.keyword("USING");
      using.unparse(writer, 0, 0);
    }
    if (getCondition() != null) {
      writer.newlineAndIndent();
      writer.keyword("WHERE");
      getCondition().unparse(writer, 0, 0);
    }
    PgReturning.unparse(writer, returning);
    writer.endList(frame);
  }
}
