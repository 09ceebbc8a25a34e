package io.snapsync.sql.parser.ast;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A CREATE TABLE element after the column list: {@code PARTITION BY RANGE | LIST | HASH (keys)}
 * ({@link #names} the key expressions), {@code INHERITS (parents)} ({@link #names} the parents)
 * or {@code PARTITION OF parent ... bound} ({@link #parent}, {@link #bound}).
 */
public final class PgPartitionClause extends SqlCall {

  /** Which clause. */
  public enum Kind { PARTITION_BY, INHERITS, PARTITION_OF }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("PARTITION", SqlKind.OTHER);

  private final Kind kind;
  private final String strategy;
  private final SqlNodeList names;
  private final SqlIdentifier parent;
  private final PgPartitionBound bound;

  public PgPartitionClause(SqlParserPos pos, Kind kind, String strategy, SqlNodeList names,
      SqlIdentifier parent, PgPartitionBound bound) {
    super(pos);
    this.kind = kind;
    this.strategy = strategy;
    this.names = names;
    this.parent = parent;
    this.bound = bound;
  }

  public Kind kind() {
    return kind;
  }

  /** PARTITION BY: RANGE, LIST or HASH. */
  public String strategy() {
    return strategy;
  }

  /** PARTITION BY: the key expressions; INHERITS: the parents. */
  public SqlNodeList names() {
    return names;
  }

  /** PARTITION OF: the parent. */
  public SqlIdentifier parent() {
    return parent;
  }

  /** PARTITION OF: the bound. */
  public PgPartitionBound bound() {
    return bound;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> ops = new ArrayList<>();
    if (names != null) {
      ops.addAll(names);
    }
    if (parent != null) {
      ops.add(parent);
    }
    return ops;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (kind) {
      case PARTITION_BY -> {
        writer.keyword("PARTITION BY " + strategy);
        names.unparse(writer, 0, 0);
      }
      case INHERITS -> {
        writer.keyword("INHERITS");
        names.unparse(writer, 0, 0);
      }
      default -> {
        writer.keyword("PARTITION OF");
        parent.unparse(writer, 0, 0);
        bound.unparse(writer, 0, 0);
      }
    }
  }
}
