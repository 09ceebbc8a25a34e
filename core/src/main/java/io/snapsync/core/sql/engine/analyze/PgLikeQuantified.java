package io.snapsync.core.sql.engine.analyze;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code x [NOT] LIKE|ILIKE ANY|ALL (patterns)}: operands are x and the pattern array. Made
 * by {@link StatementParser} from the grammar's LIKE over a {@code PgQuantified} operand.
 */
public final class PgLikeQuantified extends SqlSpecialOperator {

  private final boolean negated;
  private final boolean caseSensitive;
  private final boolean all;

  PgLikeQuantified(SqlLikeOperator like, boolean all) {
    super((like.isNegated() ? "NOT " : "") + (like.isCaseSensitive() ? "LIKE " : "ILIKE ")
        + (all ? "ALL" : "ANY"), SqlKind.OTHER_FUNCTION);
    this.negated = like.isNegated();
    this.caseSensitive = like.isCaseSensitive();
    this.all = all;
  }

  public boolean negated() {
    return negated;
  }

  public boolean caseSensitive() {
    return caseSensitive;
  }

  public boolean all() {
    return all;
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    return validateOperands(validator, scope, call);
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.of(2);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    return true;
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    return binding.getTypeFactory().createTypeWithNullability(
        binding.getTypeFactory().createSqlType(SqlTypeName.BOOLEAN), true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PgLikeQuantified q && q.getName().equals(getName());
  }

  @Override
  public int hashCode() {
    return getName().hashCode();
  }
}
