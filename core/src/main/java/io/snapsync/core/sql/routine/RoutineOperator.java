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

  private RoutineOperator(String name, List<RoutineDef> overloads) {
    super(name, SqlKind.OTHER_FUNCTION,
        b -> resolve(overloads, argTypes(b)).map(c -> returnType(c.def(), b))
            .orElseGet(() -> b.getTypeFactory().createTypeWithNullability(
                b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true)),
        (binding, ret, types) -> {
          Optional<Candidates.Choice> c = resolve(overloads, argTypes(binding));
          for (int i = 0; i < types.length; i++) {
            RoutineDef.Param p = c.isPresent() && i < c.get().def().inputs().size()
                ? c.get().def().inputs().get(i) : null;
            types[i] = p == null
                ? binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR)
                : TypeMapping.toRel(p.type(), p.typmod(), true, binding.getTypeFactory());
          }
        },
        new Checker(name, overloads), SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.overloads = overloads;
  }

  /**
   * The operator for user functions named {@code name} that {@code t} sees, or null when there
   * are none. Blocking: one range read.
   */
  public static SqlOperator lookup(StoreTransaction t, String name) {
    List<RoutineDef> all = RoutineCatalog.overloads(t, name).stream()
        .filter(d -> d.kind() == 'f' && !d.isTrigger()).toList();
    return all.isEmpty() ? null : new RoutineOperator(name, all);
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
    List<DataType> actual = new ArrayList<>();
    List<DataType> exact = new ArrayList<>();
    for (RexNode n : call.getOperands()) {
      DataType t = TypeMapping.toData(n.getType());
      exact.add(t);
      actual.add(n instanceof RexLiteral && SqlTypeUtil.inCharFamily(n.getType())
          || n.getType().getSqlTypeName() == SqlTypeName.NULL ? DataType.UNKNOWN : t);
    }
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

  private record Checker(String name, List<RoutineDef> overloads)
      implements SqlOperandTypeChecker {
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      List<DataType> types = argTypes(binding);
      if (resolve(overloads, types).isPresent()) {
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
