package io.snapsync.sql.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlTruncate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code TRUNCATE [TABLE] [ONLY] a, b [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE |
 * RESTRICT]}.
 */
public final class PgTruncate extends SqlTruncate {

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TRUNCATE", SqlKind.TRUNCATE_TABLE);

  private final SqlNodeList tables;
  private final boolean restartIdentity;
  private final boolean cascade;

  public PgTruncate(SqlParserPos pos, SqlNodeList tables, boolean restartIdentity,
      boolean cascade) {
    super(OPERATOR, pos);
    this.tables = tables;
    this.restartIdentity = restartIdentity;
    this.cascade = cascade;
  }

  /** The tables, as {@code SqlIdentifier}s. */
  public SqlNodeList tables() {
    return tables;
  }

  public boolean restartIdentity() {
    return restartIdentity;
  }

  public boolean cascade() {
    return cascade;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(tables);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("TRUNCATE TABLE");
    SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode n : tables) {
      writer.sep(",");
      n.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (restartIdentity) {
      writer.keyword("RESTART IDENTITY");
    }
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }
}
