package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

/**
 * PostgreSQL's decorations of a function in FROM that Calcite's grammar lacks:
 * {@code f(...) WITH ORDINALITY} ({@link #WITH_ORDINALITY}, one operand: the function's table
 * call). A column definition list ({@code AS t(a int, b text)}) arrives as an {@code AS} call
 * whose column operands alternate names and data type specs. The engine rewrites both before
 * validation; nowhere else are they valid.
 */
public final class PgFromFunction extends SqlSpecialOperator {

  public static final PgFromFunction WITH_ORDINALITY = new PgFromFunction();

  private PgFromFunction() {
    super("WITH ORDINALITY", SqlKind.OTHER);
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    call.operand(0).unparse(writer, 0, 0);
    writer.keyword("WITH ORDINALITY");
  }
}
