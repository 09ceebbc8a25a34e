package io.snapsync.core.sql.engine.analyze;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code ||} as PostgreSQL has it: Calcite's string concatenation, plus the array forms
 * (array || array of one more or one fewer dimension, array || element, element || array),
 * whose result is the array operand's type. The validator finds it for every {@code ||}.
 */
final class PgConcatOperator extends SqlBinaryOperator {

  static final PgConcatOperator INSTANCE = new PgConcatOperator();

  private PgConcatOperator() {
    super("||", SqlKind.OTHER, 60, true, null, InferTypes.FIRST_KNOWN, null);
  }

  private static boolean hasArray(SqlOperatorBinding b) {
    return b.getOperandType(0).getSqlTypeName() == SqlTypeName.ARRAY
        || b.getOperandType(1).getSqlTypeName() == SqlTypeName.ARRAY;
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.of(2);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    return hasArray(binding) || SqlStdOperatorTable.CONCAT.checkOperandTypes(binding,
        throwOnFailure);
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding b) {
    if (!hasArray(b)) {
      return SqlStdOperatorTable.CONCAT.inferReturnType(b);
    }
    RelDataType x = b.getOperandType(0);
    RelDataType y = b.getOperandType(1);
    RelDataType t = x.getSqlTypeName() != SqlTypeName.ARRAY ? y
        : y.getSqlTypeName() != SqlTypeName.ARRAY || depth(x) >= depth(y) ? x : y;
    return b.getTypeFactory().createTypeWithNullability(t, true);
  }

  private static int depth(RelDataType t) {
    int d = 0;
    while (t.getComponentType() != null) {
      d++;
      t = t.getComponentType();
    }
    return d;
  }
}
