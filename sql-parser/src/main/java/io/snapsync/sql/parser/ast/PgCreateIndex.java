package io.snapsync.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON t [USING method]
 * (element, ...) [WHERE predicate]}. Each element is a column identifier or an expression,
 * wrapped like an ORDER BY item in {@code DESC}, {@code NULLS FIRST} or {@code NULLS LAST}
 * calls when written so.
 */
public final class PgCreateIndex extends SqlCreate {

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  private final boolean unique;
  private final boolean concurrently;
  private final SqlIdentifier name;
  private final SqlIdentifier table;
  private final String method;
  private final SqlNodeList elements;
  private final SqlNode where;

  public PgCreateIndex(SqlParserPos pos, boolean unique, boolean concurrently,
      boolean ifNotExists, SqlIdentifier name, SqlIdentifier table, String method,
      SqlNodeList elements, SqlNode where) {
    super(OPERATOR, pos, false, ifNotExists);
    this.unique = unique;
    this.concurrently = concurrently;
    this.name = name;
    this.table = table;
    this.method = method;
    this.elements = elements;
    this.where = where;
  }

  public boolean unique() {
    return unique;
  }

  public boolean concurrently() {
    return concurrently;
  }

  /** The index name, or null when PostgreSQL is to choose one. */
  public SqlIdentifier name() {
    return name;
  }

  public SqlIdentifier table() {
    return table;
  }

  /** The access method after USING (lower case), or null for the default (btree). */
  public String method() {
    return method;
  }

  public SqlNodeList elements() {
    return elements;
  }

  /** The partial-index predicate, or null. */
  public SqlNode where() {
    return where;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(name, table, elements, where);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (unique) {
      writer.keyword("UNIQUE");
    }
    writer.keyword("INDEX");
    if (concurrently) {
      writer.keyword("CONCURRENTLY");
    }
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    if (method != null) {
      writer.keyword("USING");
      writer.print(method);
      writer.setNeedWhitespace(true);
    }
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode e : elements) {
      writer.sep(",");
      e.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (where != null) {
      writer.keyword("WHERE");
      where.unparse(writer, 0, 0);
    }
  }
}
