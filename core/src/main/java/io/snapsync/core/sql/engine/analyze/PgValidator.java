package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator with PostgreSQL's answers where they differ: an unknown function is
 * 42883 naming the argument types, and a parameter whose type nothing determines is text
 * (PostgreSQL's {@code unknown} resolved as text).
 */
final class PgValidator extends SqlValidatorImpl {

  private final String sql;

  PgValidator(String sql, SqlOperatorTable opTab, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(opTab, catalogReader, typeFactory, config);
    this.sql = sql;
  }

  @Override
  public CalciteException handleUnresolvedFunction(SqlCall call, SqlOperator unresolved,
      List<RelDataType> argTypes, List<String> argNames) {
    List<DataType> types = new ArrayList<>();
    for (int i = 0; i < argTypes.size(); i++) {
      RelDataType t = argTypes.get(i);
      // a quoted literal has no type of its own in PostgreSQL: it is reported as unknown
      boolean literal = i < call.operandCount()
          && call.operand(i) instanceof org.apache.calcite.sql.SqlCharStringLiteral;
      types.add(t.getSqlTypeName() == SqlTypeName.NULL || literal ? DataType.UNKNOWN
          : TypeMapping.toData(t));
    }
    throw FunctionErrors.undefined(unresolved.getName().toLowerCase(java.util.Locale.ROOT),
        types).withPosition(Positions.of(sql, call.getParserPosition()));
  }

  @Override
  public org.apache.calcite.sql.type.SqlTypeMappingRule getTypeMappingRule() {
    return PgCastRules.INSTANCE;
  }

  @Override
  protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope,
      SqlNode node) {
    if (node instanceof SqlDynamicParam && inferredType.equals(unknownType)) {
      inferredType = typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
    }
    super.inferUnknownTypes(inferredType, scope, node);
  }
}
