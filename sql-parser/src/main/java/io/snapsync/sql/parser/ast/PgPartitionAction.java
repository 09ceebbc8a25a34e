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
 * The ALTER TABLE actions {@code ATTACH PARTITION t bound}, {@code DETACH PARTITION t},
 * {@code INHERIT p} and {@code NO INHERIT p} (the element of a {@link PgAlterTable} whose action
 * is {@code PARTITION}).
 */
public final class PgPartitionAction extends SqlCall {

  /** Which action. */
  public enum Kind { ATTACH, DETACH, INHERIT, NO_INHERIT }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("PARTITION ACTION", SqlKind.OTHER);

  private final Kind kind;
  private final SqlIdentifier table;
  private final PgPartitionBound bound;

  public PgPartitionAction(SqlParserPos pos, Kind kind, SqlIdentifier table,
      PgPartitionBound bound) {
    super(pos);
    this.kind = kind;
    this.table = table;
    this.bound = bound;
  }

  public Kind kind() {
    return kind;
  }

  /** The partition attached or detached, or the parent inherited. */
  public SqlIdentifier table() {
    return table;
  }

  /** ATTACH: the bound. */
  public PgPartitionBound bound() {
    return bound;
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
    writer.keyword(switch (kind) {
      case ATTACH -> "ATTACH PARTITION";
      case DETACH -> "DETACH PARTITION";
      case INHERIT -> "INHERIT";
      default -> "NO INHERIT";
    });
    table.unparse(writer, 0, 0);
    if (bound != null) {
      bound.unparse(writer, 0, 0);
    }
  }
}
