package io.snapsync.core.sql.engine.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Constant folding during planning: Calcite's, except for expressions that involve an array or
 * an unconstrained {@code numeric} (Calcite's DECIMAL of scale 0), which Calcite's folding gets
 * wrong ({@code '{1,2}'::int[]}, {@code '1.49'::numeric} folded to 1), casts between text and
 * date/time types (their text follows the session's DateStyle and IntervalStyle), and what
 * Calcite cannot fold ({@code 'NaN'::float8}: a double NaN has no literal); those are left to
 * the executor, which evaluates them with PostgreSQL's rules. Stateless, thread-safe.
 */
final class PgRexExecutor implements RexExecutor {

  static final PgRexExecutor INSTANCE = new PgRexExecutor();

  /** Calcite's precision of an unconstrained numeric (the type system's default). */
  private static final int UNCONSTRAINED_PRECISION = 1000;

  private PgRexExecutor() {
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    for (RexNode e : constExps) {
      if (leaveAlone(e)) {
        reducedValues.add(e);
      } else {
        List<RexNode> one = new ArrayList<>(1);
        try {
          RexUtil.EXECUTOR.reduce(rexBuilder, List.of(e), one);
          reducedValues.add(one.get(0));
        } catch (RuntimeException unfoldable) {
          reducedValues.add(e); // a NaN or infinite double has no literal: the executor runs it
        }
      }
    }
  }

  private static boolean leaveAlone(RexNode e) {
    if (special(e.getType())) {
      return true;
    }
    if (e instanceof RexCall c) {
      if (c.getKind() == org.apache.calcite.sql.SqlKind.CAST && styled(c)) {
        return true;
      }
      for (RexNode o : c.getOperands()) {
        if (leaveAlone(o)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A cast between text and a date/time type (its text depends on the session's DateStyle), or
   * from a float to an exact type.
   */
  private static boolean styled(RexCall cast) {
    RelDataType from = cast.getOperands().get(0).getType();
    RelDataType to = cast.getType();
    return SqlTypeUtil.isCharacter(from) && SqlTypeUtil.isDatetime(to)
        || SqlTypeUtil.isDatetime(from) && SqlTypeUtil.isCharacter(to)
        || SqlTypeUtil.isInterval(from) && SqlTypeUtil.isCharacter(to)
        || SqlTypeUtil.isCharacter(from) && SqlTypeUtil.isInterval(to)
        // Java's (int) NaN is 0, PostgreSQL's is 22003
        || SqlTypeUtil.isApproximateNumeric(from) && SqlTypeUtil.isExactNumeric(to);
  }

  private static boolean special(RelDataType t) {
    return t.getSqlTypeName() == SqlTypeName.ARRAY
        || (t.getSqlTypeName() == SqlTypeName.DECIMAL && t.getScale() == 0
            && t.getPrecision() >= UNCONSTRAINED_PRECISION);
  }
}
