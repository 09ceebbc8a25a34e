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
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * An UPDATE with PostgreSQL's {@code FROM} list and/or {@code RETURNING}; a plain UPDATE stays
 * Calcite's {@link SqlUpdate}.
 */
public final class PgUpdate extends SqlUpdate {

  public static final SqlOperator OPERATOR = new SqlSpecialOperator("UPDATE", SqlKind.UPDATE) {
    @Override
    public SqlCall createCall(SqlLiteral q, SqlParserPos pos, SqlNode... o) {
      return new PgUpdate(pos, o[0], (SqlNodeList) o[1], (SqlNodeList) o[2], o[3],
          (SqlIdentifier) o[4], o[5], (SqlNodeList) o[6]);
    }
  };

  private final SqlNode from;
  private final SqlNodeList returning;

  public PgUpdate(SqlParserPos pos, SqlNode targetTable, SqlNodeList targetColumns,
      SqlNodeList sourceExpressions, SqlNode condition, SqlIdentifier alias, SqlNode from,
      SqlNodeList returning) {
    super(pos, targetTable, targetColumns, sourceExpressions, condition, null, alias);
    this.from = from;
    this.returning = returning;
  }

  /** The FROM clause (a table reference or join tree), or null. */
  public SqlNode from() {
    return from;
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
    return Arrays.asList(getTargetTable(), getTargetColumnList(), getSourceExpressionList(),
        getCondition(), getAlias(), from, returning);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "UPDATE", "");
    getTargetTable().unparse(writer, 0, 0);
    if (getAlias() != null) {
      writer.keyword("AS");
      getAlias().unparse(writer, 0, 0);
    }
    writer.newlineAndIndent();
    writer.keyword("SET");
    PgSetClause.unparse(writer, getTargetColumnList(), getSourceExpressionList());
    if (from != null) {
      writer.newlineAndIndent();
      writer.keyword("FROM");
      from.unparse(writer, 0, 0);
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
