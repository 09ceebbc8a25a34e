package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.analyze.FunctionErrors;
import io.snapsync.core.sql.engine.analyze.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * One call site of set-returning functions in FROM, as Calcite's table function: one function
 * ({@code generate_series(1, 3)}) or several zipped in lockstep (the select list's
 * {@code SELECT f(x), g(y)}, PostgreSQL's {@code ROWS FROM}), its operands every member's
 * arguments in order. Validation binds each member to an overload ({@link #members()} after
 * validation); the plan builder runs them with a {@link FunctionScanNode}. A new instance per
 * call site, made by {@link SrfRewrite} before validation; validation runs on one thread.
 */
public final class SrfOperator extends SqlFunction implements SqlTableFunction {

  /**
   * One function of the call site: its arguments are {@code argCount} operands; with
   * {@code asRecord} its rows are one column of record text (a record in the select list).
   */
  public record Member(SetReturningFunction function, int argCount, boolean asRecord) {

    Member(SetReturningFunction function, int argCount) {
      this(function, argCount, false);
    }
  }

  /** A bound member: the overload chosen and the argument types it was chosen for. */
  public record BoundMember(SetReturningFunction.Bound bound, List<DataType> actualTypes) {
  }

  private final List<Member> members;
  private final List<Column> declared;
  private final boolean ordinality;
  private final String tableAlias;
  private final List<String> aliases;
  private final List<BoundMember> bound = new ArrayList<>();

  /**
   * A call site of {@code members}; {@code declared}: its column definition list (or null),
   * {@code aliases}: the names its alias gives the first columns.
   */
  SrfOperator(List<Member> members, List<Column> declared, boolean ordinality,
      String tableAlias, List<String> aliases) {
    super(members.get(0).function().name(), SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null,
        OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    this.members = List.copyOf(members);
    this.declared = declared;
    this.ordinality = ordinality;
    this.tableAlias = tableAlias;
    this.aliases = List.copyOf(aliases);
  }

  /** The members as bound by validation. */
  public List<BoundMember> members() {
    return bound;
  }

  public boolean ordinality() {
    return ordinality;
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    List<DataType> types = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      RelDataType t = validator.deriveType(scope, operand);
      types.add(untyped(operand, t) ? DataType.UNKNOWN : TypeMapping.toData(t));
    }
    bound.clear();
    int at = 0;
    for (Member m : members) {
      List<DataType> slice = types.subList(at, at + m.argCount());
      at += m.argCount();
      SetReturningFunction.Bound b = m.function().bind(List.copyOf(slice),
          members.size() == 1 ? declared : null)
          .orElseThrow(() -> FunctionErrors.undefined(m.function().name(), slice));
      if (m.asRecord() && b.columns().size() > 1) {
        b = new RecordText(b, m.function().name());
      }
      bound.add(new BoundMember(b, List.copyOf(slice)));
    }
    int width = (ordinality ? 1 : 0)
        + bound.stream().mapToInt(b -> b.bound().columns().size()).sum();
    if (aliases.size() > width) {
      throw SnapsyncException.error(SqlState.INVALID_COLUMN_REFERENCE, "engine.srf.too_many_aliases",
          tableAlias, width, aliases.size());
    }
    RelDataType cursor = validator.getTypeFactory().createSqlType(SqlTypeName.CURSOR);
    validator.setValidatedNodeType(call, cursor);
    return cursor;
  }

  private String name(int i, String own) {
    return i < aliases.size() ? aliases.get(i) : own;
  }

  private static boolean untyped(SqlNode operand, RelDataType t) {
    return t.getSqlTypeName() == SqlTypeName.NULL
        || operand instanceof SqlLiteral lit && lit.getTypeName() == SqlTypeName.CHAR;
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return binding -> rowType(binding.getTypeFactory());
  }

  private RelDataType rowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (BoundMember m : bound) {
      for (Column c : m.bound().columns()) {
        b.add(name(b.getFieldCount(), c.name()), TypeMapping.toRel(c.type(), c.typmod(), true, f));
      }
    }
    if (ordinality) {
      b.add(name(b.getFieldCount(), "ordinality"), f.createSqlType(SqlTypeName.BIGINT));
    }
    return b.uniquify().build();
  }
}
