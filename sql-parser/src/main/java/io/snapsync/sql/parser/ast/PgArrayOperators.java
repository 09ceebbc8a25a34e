package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/** PostgreSQL's array operators the base grammar lacks ({@code @>} and {@code <@} are in
 * {@link PgOperators}). */
public final class PgArrayOperators {

  /** {@code a && b}: the arrays have an element in common. */
  public static final SqlBinaryOperator OVERLAP = new SqlBinaryOperator("&&", SqlKind.OTHER,
      PgOperators.OTHER_PREC, true, ReturnTypes.BOOLEAN_NULLABLE, InferTypes.FIRST_KNOWN,
      OperandTypes.ANY_ANY);

  private PgArrayOperators() {
  }
}
