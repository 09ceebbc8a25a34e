package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.FunctionLibrary;
import io.snapsync.sql.parser.ast.PgJsonTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's {@code -} or {@code ||} that also takes a json/jsonb operand ({@code jsonb - 'key'},
 * {@code jsonb || jsonb}), and {@code -}/{@code +} of a date/time
 * ({@code date - date}, {@code date + 7}, {@code date + interval}): then any operands pass and the result is the json
 * operand's type, or the type of the library's overload (the library picks the overload when the plan is compiled); without, the call is handed
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
    List<RelDataType> types = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      types.add(binding.getOperandType(i));
    }
    RelDataType t = result(getName(), types, binding.getTypeFactory());
    return t != null ? t : std.inferReturnType(binding);
  }


  private static RelDataType json(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    List<RelDataType> types = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      types.add(validator.deriveType(scope, operand));
    }
    return result(call.getOperator().getName(), types, validator.getTypeFactory());
  }

  /** The result type when this operator handles the operands itself, or null (Calcite's). */
  private static RelDataType result(String op, List<RelDataType> types,
      org.apache.calcite.rel.type.RelDataTypeFactory f) {
    boolean datetime = false;
    RelDataType json = null;
    for (RelDataType t : types) {
      if (PgJsonTypes.name(t) != null && (json == null || "jsonb".equals(PgJsonTypes.name(t)))) {
        json = t;
      }
      datetime |= SqlTypeUtil.isDatetime(t);
    }
    if (json != null) {
      return f.createTypeWithNullability(json, true);
    }
    // date - date, date + 7, date + interval: PostgreSQL's results (int, date, timestamp)
    if (!datetime || types.size() != 2) {
      return null;
    }
    List<DataType> data = types.stream().map(TypeMapping::toData).toList();
    return FunctionLibrary.builtin().scalar(op, data)
        .map(fn -> TypeMapping.toRel(fn.returnType(), -1, true, f)).orElse(null);
  }


}
