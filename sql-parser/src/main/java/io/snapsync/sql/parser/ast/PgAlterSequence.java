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

/** {@code ALTER SEQUENCE [IF EXISTS] s RESTART [[WITH] n]}. */
public final class PgAlterSequence extends SqlCall {

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER SEQUENCE", SqlKind.ALTER_SEQUENCE);

  private final SqlIdentifier name;
  private final boolean ifExists;
  private final Long restartWith;

  public PgAlterSequence(SqlParserPos pos, SqlIdentifier name, boolean ifExists,
      Long restartWith) {
    super(pos);
    this.name = name;
    this.ifExists = ifExists;
    this.restartWith = restartWith;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifExists() {
    return ifExists;
  }

  /** The value to restart at, or null for the sequence's start value. */
  public Long restartWith() {
    return restartWith;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER SEQUENCE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("RESTART");
    if (restartWith != null) {
      writer.keyword("WITH");
      writer.print(String.valueOf(restartWith));
    }
  }
}
