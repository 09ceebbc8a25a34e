package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * A binary operator written {@code OPERATOR(schema.symbol)} that names no built-in operator
 * (for example {@code OPERATOR(myschema.===)}); the analyzer resolves or rejects it.
 */
public final class PgQualifiedOperator extends SqlBinaryOperator {

  private final String schema;
  private final String symbol;

  public PgQualifiedOperator(String schema, String symbol) {
    super(symbol, SqlKind.OTHER, PgOperators.OTHER_PREC, true, ReturnTypes.ARG0_NULLABLE,
        InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);
    this.schema = schema;
    this.symbol = symbol;
  }

  /** The schema written before the dot, or null. */
  public String schema() {
    return schema;
  }

  /** The operator symbol, e.g. {@code ===}. */
  public String symbol() {
    return symbol;
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    call.operand(0).unparse(writer, leftPrec, getLeftPrec());
    writer.keyword("OPERATOR");
    writer.print("(" + (schema == null ? "" : schema + ".") + symbol + ")");
    writer.setNeedWhitespace(true);
    call.operand(1).unparse(writer, getRightPrec(), rightPrec);
  }
}
