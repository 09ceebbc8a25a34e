package io.snapsync.core.sql.engine.analyze;

import io.snapsync.sql.parser.ast.PgOperators;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;

/**
 * PostgreSQL has no lambdas: Calcite's grammar reads {@code f(j -> 'k')} as a lambda, which is
 * {@code j -> 'k'} (jsonb field access) here. The lambda's body is re-associated so that
 * {@code j -> 'a' ->> 'b'} is {@code (j -> 'a') ->> 'b'}, as the operators are left-associative.
 */
final class JsonLambdas {

  private JsonLambdas() {
  }

  /** The json access a one-parameter lambda stands for, or null for any other lambda. */
  static SqlNode rewrite(SqlLambda lambda) {
    if (lambda.getParameters().size() != 1) {
      return null;
    }
    return apply(lambda.getParameters().get(0), lambda.getExpression());
  }

  private static SqlNode apply(SqlNode left, SqlNode body) {
    if (body instanceof SqlBasicCall call && call.getOperator() instanceof SqlBinaryOperator op
        && call.operandCount() == 2 && op.getLeftPrec() <= PgOperators.OTHER_PREC) {
      return op.createCall(call.getParserPosition(), apply(left, call.operand(0)),
          call.operand(1));
    }
    return PgOperators.JSON_GET.createCall(body.getParserPosition(), left, body);
  }
}
