package io.snapsync.sql.parser.ast;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A partition bound: {@code FOR VALUES FROM (..) TO (..)}, {@code FOR VALUES IN (..)},
 * {@code FOR VALUES WITH (MODULUS m, REMAINDER r)} or {@code DEFAULT}. Range bound values are
 * expressions or the symbols {@link Infinity#MINVALUE} / {@link Infinity#MAXVALUE}.
 */
public final class PgPartitionBound extends SqlCall {

  /** The bound's form. */
  public enum Kind { RANGE, LIST, HASH, DEFAULT }

  /** MINVALUE / MAXVALUE of a range bound (a symbol literal in {@link #from} / {@link #to}). */
  public enum Infinity { MINVALUE, MAXVALUE }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("FOR VALUES", SqlKind.OTHER);

  private final Kind kind;
  private final SqlNodeList from;
  private final SqlNodeList to;
  private final SqlNodeList values;
  private final long modulus;
  private final long remainder;

  public PgPartitionBound(SqlParserPos pos, Kind kind, SqlNodeList from, SqlNodeList to,
      SqlNodeList values, long modulus, long remainder) {
    super(pos);
    this.kind = kind;
    this.from = from;
    this.to = to;
    this.values = values;
    this.modulus = modulus;
    this.remainder = remainder;
  }

  public Kind kind() {
    return kind;
  }

  /** RANGE: the lower bound's values. */
  public SqlNodeList from() {
    return from;
  }

  /** RANGE: the upper bound's values. */
  public SqlNodeList to() {
    return to;
  }

  /** LIST: the values. */
  public SqlNodeList values() {
    return values;
  }

  public long modulus() {
    return modulus;
  }

  public long remainder() {
    return remainder;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> ops = new ArrayList<>();
    for (SqlNodeList l : new SqlNodeList[] {from, to, values}) {
      if (l != null) {
        ops.addAll(l);
      }
    }
    return ops;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (kind) {
      case DEFAULT -> writer.keyword("DEFAULT");
      case RANGE -> {
        writer.keyword("FOR VALUES FROM");
        from.unparse(writer, 0, 0);
        writer.keyword("TO");
        to.unparse(writer, 0, 0);
      }
      case LIST -> {
        writer.keyword("FOR VALUES IN");
        values.unparse(writer, 0, 0);
      }
      default -> writer.keyword("FOR VALUES WITH (MODULUS " + modulus + ", REMAINDER "
          + remainder + ")");
    }
  }
}
