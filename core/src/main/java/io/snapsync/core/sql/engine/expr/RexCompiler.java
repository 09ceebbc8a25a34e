package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.analyze.TypeMapping;
import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Compiles Calcite row expressions ({@link RexNode}) to {@link Evaluator}s once per plan:
 * input references, literals, parameters, correlated fields, and calls (see
 * {@link CallCompiler}). Not thread-safe; one per plan being built.
 */
public final class RexCompiler {

  private final RexBuilder rexBuilder;
  private final CallCompiler calls;

  public RexCompiler(RexBuilder rexBuilder, FunctionLibrary library, Prefetch prefetch) {
    this.rexBuilder = rexBuilder;
    this.calls = new CallCompiler(this, library, prefetch);
  }

  RexBuilder rexBuilder() {
    return rexBuilder;
  }

  public List<Evaluator> compileAll(List<? extends RexNode> nodes) {
    List<Evaluator> out = new ArrayList<>(nodes.size());
    for (RexNode n : nodes) {
      out.add(compile(n));
    }
    return out;
  }

  public Evaluator compile(RexNode node) {
    if (node instanceof RexInputRef ref) {
      int i = ref.getIndex();
      return (row, ctx) -> row[i];
    }
    if (node instanceof RexLiteral lit) {
      Object v = literal(lit);
      return (row, ctx) -> v;
    }
    if (node instanceof RexDynamicParam p) {
      int i = p.getIndex();
      return (row, ctx) -> ctx.param(i);
    }
    if (node instanceof RexFieldAccess fa
        && fa.getReferenceExpr() instanceof RexCorrelVariable cv) {
      int id = cv.id.getId();
      int field = fa.getField().getIndex();
      return (row, ctx) -> ctx.correlated(id)[field];
    }
    if (node instanceof RexCall call
        && call.getOperator() == io.snapsync.sql.parser.ast.PgGroupsFrame.OFFSET) {
      return compile(call.getOperands().get(0));
    }
    if (node instanceof RexCall call) {
      return calls.compile(call);
    }
    throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
        node.getKind().sql);
  }

  /** True when {@code node} depends on no row (literals, parameters, and calls of them). */
  public static boolean isConstant(RexNode node) {
    if (node instanceof RexLiteral || node instanceof RexDynamicParam) {
      return true;
    }
    if (node instanceof RexCall c) {
      return c.getOperands().stream().allMatch(RexCompiler::isConstant);
    }
    return false;
  }

  /**
   * A float literal's value: Calcite keeps NaN and the infinities (which a BigDecimal cannot
   * hold) as a Double, other values as a BigDecimal.
   */
  private static double approximate(RexLiteral lit) {
    return lit.getValue() instanceof Double d ? d
        : lit.getValueAs(BigDecimal.class).doubleValue();
  }

  /** A literal's value as the Java class of its PostgreSQL type. */
  public static Object literal(RexLiteral lit) {
    if (lit.isNull()) {
      return null;
    }
    DataType t = TypeMapping.toData(lit.getType());
    SqlTypeName tn = lit.getType().getSqlTypeName();
    return switch (t) {
      case BOOL -> lit.getValueAs(Boolean.class);
      case INT2 -> lit.getValueAs(BigDecimal.class).shortValueExact();
      case INT4 -> lit.getValueAs(BigDecimal.class).intValueExact();
      case INT8 -> lit.getValueAs(BigDecimal.class).longValueExact();
      case NUMERIC -> lit.getValueAs(BigDecimal.class);
      case FLOAT4 -> (float) approximate(lit);
      case FLOAT8 -> approximate(lit);
      case DATE -> LocalDate.parse(lit.getValueAs(DateString.class).toString());
      case TIME -> LocalTime.parse(lit.getValueAs(TimeString.class).toString());
      case TIMESTAMP -> LocalDateTime.parse(
          lit.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
      case BYTEA -> lit.getValueAs(byte[].class);
      case INTERVAL -> io.snapsync.core.sql.types.IntervalLiterals.of(lit);
      default -> tn == SqlTypeName.CHAR || tn == SqlTypeName.VARCHAR
          ? lit.getValueAs(NlsString.class).getValue()
          : lit.getValue2() == null ? null : lit.getValue2().toString();
    };
  }
}
