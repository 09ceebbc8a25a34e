package io.snapsync.core.sql.engine.plan;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's convertlets, except that a comparison between two numerics of different scales
 * with a literal on one side keeps both as they are: Calcite would cast both to one
 * "least restrictive" decimal type and fold the literal into it, which rounds
 * {@code 1.5} to {@code 1} against an unconstrained {@code numeric} (scale 0 to Calcite); the
 * executor compares numbers of any scale exactly, as PostgreSQL does.
 */
final class PgConvertlets implements SqlRexConvertletTable {

  static final PgConvertlets INSTANCE = new PgConvertlets();

  private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS,
      SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL);

  private PgConvertlets() {
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (COMPARISONS.contains(call.getKind()) && call.operandCount() == 2) {
      return (cx, c) -> {
        RelDataType a = cx.getValidator().getValidatedNodeType(c.operand(0));
        RelDataType b = cx.getValidator().getValidatedNodeType(c.operand(1));
        if (a.getSqlTypeName() == SqlTypeName.DECIMAL && b.getSqlTypeName() == SqlTypeName.DECIMAL
            && a.getScale() != b.getScale()
            && (isLiteral(c.operand(0)) || isLiteral(c.operand(1)))) {
          RexNode x = cx.convertExpression(c.operand(0));
          RexNode y = cx.convertExpression(c.operand(1));
          return cx.getRexBuilder().makeCall(c.getOperator(), x, y);
        }
        return StandardConvertletTable.INSTANCE.get(c).convertCall(cx, c);
      };
    }
    if (call.getOperator() instanceof org.apache.calcite.sql.fun.SqlQuantifyOperator
        && call.operandCount() == 2
        && call.operand(1) instanceof org.apache.calcite.sql.SqlCharStringLiteral) {
      // x op ANY ('{1,2}'): the literal is an array of x's type, as PostgreSQL reads it
      return (cx, c) -> {
        RexNode x = cx.convertExpression(c.operand(0));
        RelDataType element = cx.getTypeFactory().createTypeWithNullability(x.getType(), true);
        RelDataType array = cx.getTypeFactory().createArrayType(element, -1);
        RexNode arr = cx.getRexBuilder().makeAbstractCast(array,
            cx.convertExpression(c.operand(1)), false);
        return cx.getRexBuilder().makeCall(c.getOperator(), x, arr);
      };
    }
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
        && call.operand(0) instanceof SqlLiteral) {
      return (cx, c) -> {
        // a cast the validator's coercion added (array[1, null]) has no validated type
        RelDataType to = cx.getValidator().getValidatedNodeTypeIfKnown(c);
        if (to != null && to.getSqlTypeName() == SqlTypeName.DECIMAL && to.getScale() == 0
            && to.getPrecision() >= cx.getTypeFactory().getTypeSystem()
                .getDefaultPrecision(SqlTypeName.DECIMAL)) {
          // unconstrained numeric: no folding into scale 0 ('1.49'::numeric is 1.49)
          return cx.getRexBuilder().makeAbstractCast(to, cx.convertExpression(c.operand(0)),
              false);
        }
        return StandardConvertletTable.INSTANCE.get(c).convertCall(cx, c);
      };
    }
    if (VARIANCES.contains(call.getKind())) {
      // a windowed var_samp/stddev stays one call (Calcite would expand it into sums of
      // squares); the library's aggregate computes it as PostgreSQL does
      return (cx, c) -> {
        java.util.List<RexNode> args = new java.util.ArrayList<>();
        for (SqlNode o : c.getOperandList()) {
          args.add(cx.convertExpression(o));
        }
        return cx.getRexBuilder().makeCall(cx.getValidator().getValidatedNodeType(c),
            c.getOperator(), args);
      };
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }

  private static final Set<SqlKind> VARIANCES = EnumSet.of(SqlKind.VAR_SAMP, SqlKind.VAR_POP,
      SqlKind.STDDEV_SAMP, SqlKind.STDDEV_POP);

  private static boolean isLiteral(SqlNode n) {
    if (n instanceof SqlLiteral) {
      return true;
    }
    return n instanceof SqlCall c && c.getKind() == SqlKind.MINUS_PREFIX
        && c.operand(0) instanceof SqlLiteral;
  }
}
