package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

/**
 * {@code SELECT DISTINCT ON (e1, e2, ...)}: the parser carries the expressions as a call of
 * this operator in the first position of the select list (a place every tree rewrite keeps);
 * the engine takes it out again before validation and plans the query as first-of-group.
 * Nowhere else is it valid.
 */
public final class PgDistinctOn extends SqlSpecialOperator {

  public static final PgDistinctOn INSTANCE = new PgDistinctOn();

  private PgDistinctOn() {
    super("DISTINCT ON", SqlKind.OTHER);
  }

  /** Whether {@code node} is the DISTINCT ON marker of a select list. */
  public static boolean is(org.apache.calcite.sql.SqlNode node) {
    return node instanceof SqlCall c && c.getOperator() == INSTANCE;
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.print("DISTINCT ON (");
    for (int i = 0; i < call.operandCount(); i++) {
      if (i > 0) {
        writer.print(", ");
      }
      call.operand(i).unparse(writer, 0, 0);
    }
    writer.print(")");
  }
}
