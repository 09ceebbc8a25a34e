package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

/**
 * {@code ANY (array)} or {@code ALL (array)} as the right operand of a pattern match
 * ({@code x LIKE ANY (array['%a', '%b'])}); the engine rewrites the match into a quantified
 * one before validation. Nowhere else is it valid.
 */
public final class PgQuantified extends SqlSpecialOperator {

  public static final PgQuantified ANY = new PgQuantified(false);
  public static final PgQuantified ALL = new PgQuantified(true);

  private final boolean all;

  private PgQuantified(boolean all) {
    super(all ? "ALL" : "ANY", SqlKind.OTHER_FUNCTION);
    this.all = all;
  }

  public static PgQuantified of(boolean all) {
    return all ? ALL : ANY;
  }

  /** ALL rather than ANY/SOME. */
  public boolean isAll() {
    return all;
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.print(getName() + " (");
    call.operand(0).unparse(writer, 0, 0);
    writer.print(")");
  }
}
