package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [TEMP | UNLOGGED] TABLE [IF NOT EXISTS] t (elements) | AS query}. The element
 * list holds, in the order written, Calcite's {@code SqlColumnDeclaration}s (a column's
 * {@code DEFAULT} is its expression with strategy DEFAULT; {@code GENERATED ... AS IDENTITY} is
 * a {@link PgIdentity} expression with strategy DEFAULT; {@code NOT NULL} makes the type not
 * nullable), {@code SqlKeyConstraint}s (PRIMARY KEY, UNIQUE), {@code SqlCheckConstraint}s and
 * {@link PgForeignKey}s. Column constraints are given as the equivalent table constraints,
 * right after their column.
 */
public final class PgCreateTable extends SqlCreateTable {

  /** PostgreSQL's table persistence. */
  public enum Persistence { PERMANENT, TEMPORARY, UNLOGGED }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final Persistence persistence;

  public PgCreateTable(SqlParserPos pos, Persistence persistence, boolean ifNotExists,
      SqlIdentifier name, SqlNodeList elements, SqlNode query) {
    super(OPERATOR, pos, false, ifNotExists, name, elements, query);
    this.persistence = persistence;
  }

  public Persistence persistence() {
    return persistence;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (persistence != Persistence.PERMANENT) {
      writer.keyword(persistence.name());
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (columnList != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode c : columnList) {
        writer.sep(",");
        c.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (query != null) {
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
    }
  }
}
