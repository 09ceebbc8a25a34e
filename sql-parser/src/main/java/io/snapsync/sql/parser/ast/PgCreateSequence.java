package io.snapsync.sql.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name [INCREMENT [BY] n] [MINVALUE n | NO
 * MINVALUE] [MAXVALUE n | NO MAXVALUE] [START [WITH] n] [CACHE n] [[NO] CYCLE]}. An option
 * not written is null.
 */
public final class PgCreateSequence extends SqlCreate {

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE SEQUENCE", SqlKind.CREATE_SEQUENCE);

  /** The options as written; null where absent. */
  public record Options(Long increment, Long minValue, Long maxValue, Long start, Long cache,
      Boolean cycle) {
  }

  private final SqlIdentifier name;
  private final Options options;

  public PgCreateSequence(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      Options options) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = name;
    this.options = options;
  }

  public SqlIdentifier name() {
    return name;
  }

  public Options options() {
    return options;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE SEQUENCE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    option(writer, "INCREMENT BY", options.increment());
    option(writer, "MINVALUE", options.minValue());
    option(writer, "MAXVALUE", options.maxValue());
    option(writer, "START WITH", options.start());
    option(writer, "CACHE", options.cache());
    if (options.cycle() != null) {
      writer.keyword(options.cycle() ? "CYCLE" : "NO CYCLE");
    }
  }

  private static void option(SqlWriter writer, String keyword, Long value) {
    if (value != null) {
      writer.keyword(keyword);
      writer.print(value.toString());
      writer.setNeedWhitespace(true);
    }
  }
}
