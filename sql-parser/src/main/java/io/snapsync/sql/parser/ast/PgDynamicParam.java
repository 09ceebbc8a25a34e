package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;

/**
 * A PostgreSQL parameter {@code $n}. {@link #getIndex()} is {@code n - 1}, the 0-based
 * position Calcite's validator uses; {@link #number()} is {@code n} as written.
 */
public final class PgDynamicParam extends SqlDynamicParam {

  private final int number;

  public PgDynamicParam(int number, SqlParserPos pos) {
    super(number - 1, pos);
    this.number = number;
  }

  /** The {@code n} of {@code $n} (1-based). */
  public int number() {
    return number;
  }

  @Override
  public SqlNode clone(SqlParserPos pos) {
    return new PgDynamicParam(number, pos);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.print("$" + number);
    writer.setNeedWhitespace(true);
  }

  @Override
  public boolean equalsDeep(SqlNode node, Litmus litmus) {
    if (!(node instanceof PgDynamicParam) || ((PgDynamicParam) node).number != number) {
      return litmus.fail("{} != {}", this, node);
    }
    return litmus.succeed();
  }
}
