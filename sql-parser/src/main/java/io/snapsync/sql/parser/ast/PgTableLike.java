package io.snapsync.sql.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A {@code LIKE other [INCLUDING | EXCLUDING option ...]} element of CREATE TABLE;
 * {@code includingDefaults} when DEFAULTS (or ALL) is included.
 */
public final class PgTableLike extends SqlCall {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("LIKE", SqlKind.OTHER);

  private final SqlIdentifier table;
  private final boolean includingDefaults;
  private final boolean includingConstraints;

  public PgTableLike(SqlParserPos pos, SqlIdentifier table, boolean includingDefaults,
      boolean includingConstraints) {
    super(pos);
    this.table = table;
    this.includingDefaults = includingDefaults;
    this.includingConstraints = includingConstraints;
  }

  public SqlIdentifier table() {
    return table;
  }

  public boolean includingDefaults() {
    return includingDefaults;
  }

  public boolean includingConstraints() {
    return includingConstraints;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(table);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("LIKE");
    table.unparse(writer, 0, 0);
    if (includingDefaults) {
      writer.keyword("INCLUDING DEFAULTS");
    }
    if (includingConstraints) {
      writer.keyword("INCLUDING CONSTRAINTS");
    }
  }
}
