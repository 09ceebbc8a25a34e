package io.snapsync.core.sql.engine.analyze;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's result types where Calcite's defaults differ: {@code sum(int4)} is bigint,
 * {@code sum(int8)} numeric, {@code avg} of integers numeric; numeric precision up to 1000.
 */
public final class PgTypeSystem extends RelDataTypeSystemImpl {

  public static final PgTypeSystem INSTANCE = new PgTypeSystem();

  static final int NUMERIC_MAX = 1000;

  private PgTypeSystem() {
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType arg) {
    RelDataType t = switch (arg.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER -> f.createSqlType(SqlTypeName.BIGINT);
      case BIGINT, DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL);
      default -> arg;
    };
    return f.createTypeWithNullability(t, arg.isNullable());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType arg) {
    RelDataType t = switch (arg.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL);
      case REAL, FLOAT, DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      default -> arg;
    };
    return f.createTypeWithNullability(t, arg.isNullable());
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? NUMERIC_MAX : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? NUMERIC_MAX : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? NUMERIC_MAX : super.getDefaultPrecision(typeName);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
