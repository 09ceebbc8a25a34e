package io.snapsync.core.sql.engine.analyze;

import io.snapsync.sql.parser.ast.PgJsonTypes;
import io.snapsync.sql.parser.ast.PgTypes;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's implicit coercion plus PostgreSQL's resolution of {@code json}/{@code jsonb} against
 * a string: {@code j = '{"a": 1}'} compares as jsonb, as the unknown literal takes the other
 * side's type; a string against a string array's elements takes the element type. Created per
 * validator.
 */
final class PgTypeCoercion extends TypeCoercionImpl {

  PgTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public @Nullable RelDataType commonTypeForBinaryComparison(@Nullable RelDataType type1,
      @Nullable RelDataType type2) {
    RelDataType json = json(type1, type2);
    return json != null ? json : super.commonTypeForBinaryComparison(type1, type2);
  }

  @Override
  public @Nullable RelDataType getTightestCommonType(@Nullable RelDataType type1,
      @Nullable RelDataType type2) {
    RelDataType json = json(type1, type2);
    return json != null ? json : super.getTightestCommonType(type1, type2);
  }

  /**
   * Casts to json/jsonb are written with the grammar's own type name: Calcite's would spell
   * the type as its SQL type name and lose which of the two it is.
   */
  @Override
  protected boolean coerceOperandType(@Nullable SqlValidatorScope scope, SqlCall call,
      int index, RelDataType targetType) {
    if (!(targetType instanceof PgJsonTypes.JsonType j)) {
      return super.coerceOperandType(scope, call, index, targetType);
    }
    SqlNode operand = call.getOperandList().get(index);
    if (operand instanceof SqlDynamicParam || scope == null) {
      return false;
    }
    RelDataType from = validator.deriveType(scope, operand);
    if (from instanceof PgJsonTypes.JsonType || from.getSqlTypeName() == SqlTypeName.NULL) {
      return false;
    }
    SqlParserPos pos = operand.getParserPosition();
    SqlNode cast = SqlStdOperatorTable.CAST.createCall(pos, operand,
        new SqlDataTypeSpec(PgTypes.named(j.binary() ? "jsonb" : "json", pos), pos));
    call.setOperand(index, cast);
    updateInferredType(cast, factory.createTypeWithNullability(targetType, from.isNullable()));
    return true;
  }

  /**
   * {@code 'x' = ANY (text_array)}: a string compared with the elements of a string array
   * takes the element type (Calcite accepts only the same named type, so {@code char(1)}
   * against {@code varchar} elements would fail, as pg_dump's {@code = ANY (reloptions)} did).
   */
  @Override
  public boolean quantifyOperationCoercion(SqlCallBinding binding) {
    if (super.quantifyOperationCoercion(binding)) {
      return true;
    }
    SqlCall call = binding.getCall();
    if (call.operandCount() != 2) {
      return false;
    }
    RelDataType left = binding.getOperandType(0);
    RelDataType right = binding.getOperandType(1);
    RelDataType element = right.getComponentType();
    if (element == null || !SqlTypeUtil.inCharFamily(left) || !SqlTypeUtil.inCharFamily(element)
        || element instanceof PgJsonTypes.JsonType) {
      return false;
    }
    SqlNode operand = call.operand(0);
    if (binding.getScope() == null || SqlTypeUtil.sameNamedType(left, element)) {
      return false;
    }
    SqlParserPos pos = operand.getParserPosition();
    SqlNode cast = SqlStdOperatorTable.CAST.createCall(pos, operand,
        new SqlDataTypeSpec(PgTypes.named("text", pos), pos));
    call.setOperand(0, cast);
    updateInferredType(cast, factory.createTypeWithNullability(element, left.isNullable()));
    return true;
  }

  private @Nullable RelDataType json(@Nullable RelDataType a, @Nullable RelDataType b) {
    if (a == null || b == null || !(factory instanceof PgTypeFactory f)) {
      return null;
    }
    return f.jsonCommon(List.of(a, b));
  }
}
