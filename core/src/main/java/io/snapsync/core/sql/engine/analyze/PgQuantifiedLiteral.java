package io.snapsync.core.sql.engine.analyze;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code x op ANY|ALL ('{1,2}')}: the quoted literal is an array of x's type (PostgreSQL's
 * unknown), where Calcite would compare x with the text itself. Operands are x and the
 * literal; made by {@link StatementParser}.
 */
public final class PgQuantifiedLiteral extends SqlSpecialOperator {

  private final SqlKind comparison;
  private final boolean all;

  PgQuantifiedLiteral(SqlKind comparison, boolean all) {
    super(comparison.sql + (all ? " ALL" : " ANY"), SqlKind.OTHER_FUNCTION);
    this.comparison = comparison;
    this.all = all;
  }

  public SqlKind comparison() {
    return comparison;
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
    return o instanceof PgQuantifiedLiteral q && q.getName().equals(getName());
  }

  @Override
  public int hashCode() {
    return getName().hashCode();
  }
}
