package io.snapsync.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * An INSERT with PostgreSQL's additions: {@code INSERT INTO t AS alias}, {@code ON CONFLICT}
 * and {@code RETURNING}. The parser makes one only when an addition is present; a plain
 * INSERT stays Calcite's {@link SqlInsert}.
 */
public final class PgInsert extends SqlInsert {

  public static final SqlOperator OPERATOR = new SqlSpecialOperator("INSERT", SqlKind.INSERT) {
    @Override
    public SqlCall createCall(SqlLiteral q, SqlParserPos pos, SqlNode... o) {
      return new PgInsert(pos, (SqlNodeList) o[0], o[1], o[2], (SqlNodeList) o[3],
          (SqlIdentifier) o[4], (PgOnConflict) o[5], (SqlNodeList) o[6]);
    }
  };

  private final SqlIdentifier alias;
  private final PgOnConflict onConflict;
  private final SqlNodeList returning;

  public PgInsert(SqlParserPos pos, SqlNodeList keywords, SqlNode targetTable, SqlNode source,
      SqlNodeList columnList, SqlIdentifier alias, PgOnConflict onConflict,
      SqlNodeList returning) {
    super(pos, keywords, targetTable, source, columnList);
    this.alias = alias;
    this.onConflict = onConflict;
    this.returning = returning;
  }

  /** {@code AS alias} after the table name, or null. */
  public SqlIdentifier alias() {
    return alias;
  }

  /** The ON CONFLICT clause, or null. */
  public PgOnConflict onConflict() {
    return onConflict;
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
    return Arrays.asList(getOperandNode(0), getTargetTable(), getSource(), getTargetColumnList(),
        alias, onConflict, returning);
  }

  private SqlNode getOperandNode(int i) {
    return super.getOperandList().get(i);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
    writer.sep("INSERT INTO");
    getTargetTable().unparse(writer, 0, 0);
    if (alias != null) {
      writer.keyword("AS");
      alias.unparse(writer, 0, 0);
    }
    if (getTargetColumnList() != null) {
      getTargetColumnList().unparse(writer, 1, 1);
    }
    writer.newlineAndIndent();
    getSource().unparse(writer, 0, 0);
    if (onConflict != null) {
      onConflict.unparse(writer, 0, 0);
    }
    PgReturning.unparse(writer, returning);
    writer.endList(frame);
  }
}
