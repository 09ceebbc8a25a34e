package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A function registered in the node's {@code FunctionRegistry} ({@code pg_export_snapshot},
 * {@code current_setting}, WDR functions) as a Calcite operator: its declared result type, any
 * arguments (converted to the declared parameter types when called).
 */
public final class RegisteredFunctionOperator extends org.apache.calcite.sql.SqlFunction {

  private final SqlFunction function;

  public RegisteredFunctionOperator(SqlFunction function) {
    super(function.name(), SqlKind.OTHER_FUNCTION,
        b -> TypeMapping.toRel(function.returnType(), -1, true, b.getTypeFactory()),
        (binding, ret, types) -> {
          for (int i = 0; i < types.length; i++) {
            types[i] = i < function.params().size()
                ? TypeMapping.toRel(function.params().get(i).type(), -1, true,
                    binding.getTypeFactory())
                : binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR);
          }
        },
        OperandTypes.variadic(SqlOperandCountRanges.between(
            (int) function.params().stream().filter(p -> !p.optional()).count(),
            function.params().size())),
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.function = function;
  }

  public SqlFunction function() {
    return function;
  }

  /** Registered functions may have side effects (exports, snapshots): never fold them. */
  @Override
  public boolean isDeterministic() {
    return false;
  }

  /** The parameters, for argument conversion. */
  public java.util.List<FunctionParam> params() {
    return function.params();
  }
}
