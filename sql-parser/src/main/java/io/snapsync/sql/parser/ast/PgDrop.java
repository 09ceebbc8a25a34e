package io.snapsync.sql.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DROP TABLE | INDEX [CONCURRENTLY] | VIEW | SEQUENCE | SCHEMA [IF EXISTS] a, b
 * [CASCADE | RESTRICT]}.
 */
public final class PgDrop extends SqlDrop {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP", SqlKind.OTHER_DDL);

  private final PgObjectType objectType;
  private final SqlNodeList names;
  private final boolean cascade;
  private final boolean concurrently;

  public PgDrop(SqlParserPos pos, PgObjectType objectType, boolean concurrently,
      boolean ifExists, SqlNodeList names, boolean cascade) {
    super(OPERATOR, pos, ifExists);
    this.objectType = objectType;
    this.concurrently = concurrently;
    this.names = names;
    this.cascade = cascade;
  }

  public PgObjectType objectType() {
    return objectType;
  }

  /** The objects' (possibly qualified) names, as {@code SqlIdentifier}s. */
  public SqlNodeList names() {
    return names;
  }

  /** True for CASCADE; false for RESTRICT or neither (PostgreSQL's default). */
  public boolean cascade() {
    return cascade;
  }

  /** {@code DROP INDEX CONCURRENTLY}. */
  public boolean concurrently() {
    return concurrently;
  }

  @Override
  public SqlKind getKind() {
    switch (objectType) {
      case TABLE:
        return SqlKind.DROP_TABLE;
      case VIEW:
        return SqlKind.DROP_VIEW;
      case INDEX:
        return SqlKind.DROP_INDEX;
      case SEQUENCE:
        return SqlKind.DROP_SEQUENCE;
      default:
        return SqlKind.DROP_SCHEMA;
    }
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(names);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP");
    writer.keyword(objectType.name());
    if (concurrently) {
      writer.keyword("CONCURRENTLY");
    }
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode n : names) {
      writer.sep(",");
      n.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }
}
