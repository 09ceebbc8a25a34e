package io.snapsync.core.sql.engine.analyze;

import io.snapsync.sql.parser.ast.PgJsonTypes;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's {@code -} or {@code ||} that also takes a json/jsonb operand ({@code jsonb - 'key'},
 * {@code jsonb || jsonb}): with one, any operands pass and the result is the json operand's
 * type (the library picks the overload when the plan is compiled); without, the call is handed
 * back to Calcite's own operator before validation, so nothing else changes. Thread-safe.
 */
final class JsonAwareOperator extends SqlBinaryOperator {

  private final SqlBinaryOperator std;

  JsonAwareOperator(SqlBinaryOperator std) {
    super(std.getName(), std.getKind(), std.getLeftPrec(), true, null, InferTypes.FIRST_KNOWN,
        OperandTypes.ANY_ANY);
    this.std = std;
  }

  @Override
  protected void preValidateCall(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    if (json(validator, scope, call) == null && call instanceof SqlBasicCall b) {
      b.setOperator(std);
    }
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    return binding.getCall().getOperator() == std ? std.checkOperandTypes(binding, throwOnFailure)
        : true;
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    if (binding instanceof SqlCallBinding c && c.getCall().getOperator() == std) {
      return std.inferReturnType(binding);
    }
    RelDataType found = null;
    for (int i = 0; i < binding.getOperandCount(); i++) {
      RelDataType t = binding.getOperandType(i);
      if (PgJsonTypes.name(t) != null && (found == null || "jsonb".equals(PgJsonTypes.name(t)))) {
        found = t;
      }
    }
    return binding.getTypeFactory().createTypeWithNullability(found, true);
  }

  private static RelDataType json(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    for (SqlNode operand : call.getOperandList()) {
      RelDataType t = validator.deriveType(scope, operand);
      if (PgJsonTypes.name(t) != null) {
        return t;
      }
    }
    return null;
  }
}
