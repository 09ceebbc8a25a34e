package io.snapsync.core.sql.routine;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.analyze.FunctionErrors;
import io.snapsync.core.sql.engine.analyze.TypeMapping;
import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The user-defined functions of one name, as the analyzing transaction sees them, as a Calcite
 * operator: the overload is chosen by PostgreSQL's rules ({@link Candidates}), the result type
 * is its declared type, and a call compiles to an evaluator that runs the body
 * ({@link SqlFunctionCalls}) reading the definition current in the executing transaction.
 */
public final class RoutineOperator extends org.apache.calcite.sql.SqlFunction {

  private final List<RoutineDef> overloads;
  private final org.apache.calcite.sql.SqlFunction builtin;
  private final io.snapsync.core.sql.func.FunctionLibrary library;

  private RoutineOperator(String name, List<RoutineDef> overloads,
      org.apache.calcite.sql.SqlFunction builtin,
      io.snapsync.core.sql.func.FunctionLibrary library) {
    super(name, SqlKind.OTHER_FUNCTION,
        b -> builtinWins(overloads, builtin, library, name, b)
            ? builtin.getReturnTypeInference().inferReturnType(b)
            : resolve(overloads, argTypes(b)).map(c -> returnType(c.def(), b))
            .orElseGet(() -> b.getTypeFactory().createTypeWithNullability(
                b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true)),
        (binding, ret, types) -> {
          if (builtinWins(overloads, builtin, library, name, binding)) {
            builtin.getOperandTypeInference().inferOperandTypes(binding, ret, types);
            return;
          }
          Optional<Candidates.Choice> c = resolve(overloads, argTypes(binding));
          for (int i = 0; i < types.length; i++) {
            RoutineDef.Param p = c.isPresent() && i < c.get().def().inputs().size()
                ? c.get().def().inputs().get(i) : null;
            types[i] = p == null
                ? binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR)
                : TypeMapping.toRel(p.type(), p.typmod(), true, binding.getTypeFactory());
          }
        },
        new Checker(name, overloads, builtin), SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.overloads = overloads;
    this.builtin = builtin;
    this.library = library;
  }

  /**
   * The operator for user functions named {@code name} that {@code t} sees, or null when there
   * are none. Blocking: one range read.
   */
  public static SqlOperator lookup(StoreTransaction t, String name) {
    return lookup(t, name, null, null);
  }

  /**
   * As {@link #lookup(StoreTransaction, String)}, the user overloads joining {@code builtin}
   * (the library's function of that name, or null): the built-in is called unless a user
   * overload takes the argument types exactly or the built-in takes none of them.
   */
  public static SqlOperator lookup(StoreTransaction t, String name,
      org.apache.calcite.sql.SqlFunction builtin,
      io.snapsync.core.sql.func.FunctionLibrary library) {
    List<RoutineDef> all = RoutineCatalog.overloads(t, name).stream()
        .filter(d -> d.kind() == 'f' && !d.isTrigger()).toList();
    return all.isEmpty() ? null : new RoutineOperator(name, all, builtin, library);
  }

  /** True when a call with the operand types of {@code b} goes to the built-in function. */
  private static boolean builtinWins(List<RoutineDef> overloads,
      org.apache.calcite.sql.SqlFunction builtin, io.snapsync.core.sql.func.FunctionLibrary lib,
      String name, SqlOperatorBinding b) {
    if (builtin == null) {
      return false;
    }
    List<DataType> types = argTypes(b);
    Optional<Candidates.Choice> mine = resolve(overloads, types);
    if (mine.isPresent() && exact(mine.get(), types)) {
      return false;
    }
    boolean fits = b instanceof SqlCallBinding call
        ? builtin.getOperandTypeChecker().checkOperandTypes(call, false)
        : lib.scalar(name, types).isPresent();
    return fits || mine.isEmpty();
  }

  private static boolean exact(Candidates.Choice c, List<DataType> actual) {
    List<DataType> passed = c.passed();
    for (int i = 0; i < actual.size(); i++) {
      if (actual.get(i) != passed.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code call} (as validated) goes to the built-in function of its name. */
  public boolean callsBuiltin(RexCall call) {
    if (builtin == null) {
      return false;
    }
    ArgTypes a = ArgTypes.of(call);
    List<DataType> actual = a.actual();
    List<DataType> exact = a.exact();
    Optional<Candidates.Choice> mine = resolve(overloads, actual);
    if (mine.isPresent() && exact(mine.get(), actual)) {
      return false;
    }
    return mine.isEmpty() || library.scalar(getName(), exact).isPresent()
        || library.scalar(getName(), actual).isPresent();
  }

  /** User functions may read and write: never folded at planning. */
  @Override
  public boolean isDeterministic() {
    return false;
  }

  /**
   * Compiles a call: the arguments cast to the chosen overload's parameter types, then the
   * body run by {@link SqlFunctionCalls}.
   */
  public Evaluator compile(RexCall call, List<Evaluator> args) {
    ArgTypes a = ArgTypes.of(call);
    List<DataType> actual = a.actual();
    List<DataType> exact = a.exact();
    Candidates.Choice c = resolve(overloads, actual)
        .orElseThrow(() -> FunctionErrors.undefined(getName(), exact));
    RoutineDef def = c.def();
    List<DataType> declared = def.inputTypes();
    DataType ret = def.returnType();
    return (r, ctx) -> {
      Object[] values = new Object[args.size()];
      for (int i = 0; i < values.length; i++) {
        Object v = args.get(i).eval(r, ctx);
        RoutineDef.Param p = def.inputs().get(i);
        values[i] = v == null || exact.get(i) == p.type() ? v
            : ValueOps.cast(v, exact.get(i), p.type(), p.typmod(), ctx.eval().timeZone());
      }
      return SqlFunctionCalls.call(ctx, def.name(), declared, ret, values);
    };
  }

  private static RelDataType returnType(RoutineDef d, SqlOperatorBinding b) {
    DataType t = d.returnType() == null ? DataType.TEXT : d.returnType();
    return TypeMapping.toRel(t, d.returnTypmod(), true, b.getTypeFactory());
  }

  static List<DataType> argTypes(SqlOperatorBinding b) {
    List<DataType> types = new ArrayList<>(b.getOperandCount());
    for (int i = 0; i < b.getOperandCount(); i++) {
      RelDataType t = b.getOperandType(i);
      boolean unknown = t.getSqlTypeName() == SqlTypeName.NULL
          || t.getSqlTypeName() == SqlTypeName.UNKNOWN
          || (b instanceof SqlCallBinding call && i < call.getCall().operandCount()
              && call.getCall().operand(i) instanceof SqlCharStringLiteral);
      types.add(unknown ? DataType.UNKNOWN : TypeMapping.toData(t));
    }
    return types;
  }

  private static Optional<Candidates.Choice> resolve(List<RoutineDef> overloads,
      List<DataType> actual) {
    return Candidates.select(overloads, actual);
  }

  /**
   * A call's argument types: {@code exact} as validated, {@code actual} with string literals and
   * NULLs as {@code unknown}, as PostgreSQL resolves overloads.
   */
  private record ArgTypes(List<DataType> actual, List<DataType> exact) {
    static ArgTypes of(RexCall call) {
      List<DataType> actual = new ArrayList<>();
      List<DataType> exact = new ArrayList<>();
      for (RexNode n : call.getOperands()) {
        DataType t = TypeMapping.toData(n.getType());
        exact.add(t);
        actual.add(n instanceof RexLiteral && SqlTypeUtil.inCharFamily(n.getType())
            || n.getType().getSqlTypeName() == SqlTypeName.NULL ? DataType.UNKNOWN : t);
      }
      return new ArgTypes(actual, exact);
    }
  }

  private record Checker(String name, List<RoutineDef> overloads,
      org.apache.calcite.sql.SqlFunction builtin) implements SqlOperandTypeChecker {
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      List<DataType> types = argTypes(binding);
      if (resolve(overloads, types).isPresent()) {
        return true;
      }
      if (builtin != null && builtin.getOperandTypeChecker().checkOperandTypes(binding, false)) {
        return true;
      }
      if (throwOnFailure) {
        List<DataType> shown = new ArrayList<>();
        for (int i = 0; i < binding.getOperandCount(); i++) {
          RelDataType t = binding.getOperandType(i);
          shown.add(t.getSqlTypeName() == SqlTypeName.NULL ? DataType.UNKNOWN
              : types.get(i) == DataType.UNKNOWN ? DataType.UNKNOWN : TypeMapping.toData(t));
        }
        throw FunctionErrors.undefined(name, shown);
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
