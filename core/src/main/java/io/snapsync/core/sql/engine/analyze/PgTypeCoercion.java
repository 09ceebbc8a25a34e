package io.snapsync.core.sql.engine.analyze;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's implicit coercion plus PostgreSQL's resolution of {@code json}/{@code jsonb} against
 * a string: {@code j = '{"a": 1}'} compares as jsonb, as the unknown literal takes the other
 * side's type. Created per validator.
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

  private @Nullable RelDataType json(@Nullable RelDataType a, @Nullable RelDataType b) {
    if (a == null || b == null || !(factory instanceof PgTypeFactory f)) {
      return null;
    }
    return f.jsonCommon(List.of(a, b));
  }
}
