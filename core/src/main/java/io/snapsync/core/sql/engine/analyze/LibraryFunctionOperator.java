package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.FunctionLibrary;
import io.snapsync.core.sql.func.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A scalar function of the {@link FunctionLibrary} as a Calcite operator: overloads are resolved
 * by the library (PostgreSQL's rules), the result type is the chosen overload's.
 */
public final class LibraryFunctionOperator extends org.apache.calcite.sql.SqlFunction {

  private final FunctionLibrary library;

  public LibraryFunctionOperator(String name, FunctionLibrary library) {
    super(name, SqlKind.OTHER_FUNCTION,
        b -> resolve(library, name, b).map(f -> TypeMapping.toRel(f.returnType(), -1, true,
            b.getTypeFactory())).orElseGet(() -> b.getTypeFactory()
            .createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR),
                true)),
        (binding, ret, types) -> {
          for (int i = 0; i < types.length; i++) {
            types[i] = binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR);
          }
        },
        new Checker(name, library), SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.library = library;
  }

  public FunctionLibrary library() {
    return library;
  }

  @Override
  public boolean isDeterministic() {
    return library.scalarOverloads(getName()).stream().noneMatch(ScalarFunction::volatile_);
  }

  static List<DataType> argTypes(SqlOperatorBinding b) {
    List<DataType> types = new ArrayList<>(b.getOperandCount());
    for (int i = 0; i < b.getOperandCount(); i++) {
      RelDataType t = b.getOperandType(i);
      types.add(t.getSqlTypeName() == SqlTypeName.NULL
          || t.getSqlTypeName() == SqlTypeName.UNKNOWN ? DataType.UNKNOWN : TypeMapping.toData(t));
    }
    return types;
  }

  static Optional<ScalarFunction> resolve(FunctionLibrary lib, String name, SqlOperatorBinding b) {
    List<DataType> types = argTypes(b);
    Optional<ScalarFunction> f = lib.scalar(name, types);
    if (f.isPresent()) {
      return f;
    }
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i) == DataType.UNKNOWN || b.isOperandNull(i, false)
          || (types.get(i) == DataType.TEXT && b.isOperandLiteral(i, false))) {
        unknown.add(i);
      }
    }
    Optional<ScalarFunction> retyped = UnknownArgs.retype(lib, name, types, unknown)
        .map(UnknownArgs.Choice::function);
    if (retyped.isPresent() || !(b instanceof SqlCallBinding call)) {
      return retyped;
    }
    // PostgreSQL's string literals are unknown-typed: jsonb_typeof('[1]'), date_part(.., '..')
    boolean changed = false;
    for (int i = 0; i < types.size() && i < call.getCall().operandCount(); i++) {
      if (call.getCall().operand(i) instanceof org.apache.calcite.sql.SqlCharStringLiteral) {
        types.set(i, DataType.UNKNOWN);
        changed = true;
      }
    }
    return changed ? lib.scalar(name, types) : retyped;
  }

  private record Checker(String name, FunctionLibrary library) implements SqlOperandTypeChecker {
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      if (resolve(library, name, binding).isPresent()) {
        return true;
      }
      if (throwOnFailure) {
        throw FunctionErrors.undefined(name, argTypes(binding));
      }
      return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.any();
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return opName + "(...)";
    }
  }
}
