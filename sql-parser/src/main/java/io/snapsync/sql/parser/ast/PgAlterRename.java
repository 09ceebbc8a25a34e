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

/** {@code ALTER VIEW | SCHEMA [IF EXISTS] name RENAME TO new_name}. */
public final class PgAlterRename extends SqlCall {

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER RENAME", SqlKind.OTHER_DDL);

  private final PgObjectType objectType;
  private final boolean ifExists;
  private final SqlIdentifier name;
  private final SqlIdentifier newName;

  public PgAlterRename(SqlParserPos pos, PgObjectType objectType, boolean ifExists,
      SqlIdentifier name, SqlIdentifier newName) {
    super(pos);
    this.objectType = objectType;
    this.ifExists = ifExists;
    this.name = name;
    this.newName = newName;
  }

  /** What is renamed: {@link PgObjectType#VIEW} or {@link PgObjectType#SCHEMA}. */
  public PgObjectType objectType() {
    return objectType;
  }

  public boolean ifExists() {
    return ifExists;
  }

  /** The object's (possibly qualified) name. */
  public SqlIdentifier name() {
    return name;
  }

  /** The new, unqualified name. */
  public SqlIdentifier newName() {
    return newName;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, newName);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER");
    writer.keyword(objectType.name());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("RENAME TO");
    newName.unparse(writer, 0, 0);
  }
}
