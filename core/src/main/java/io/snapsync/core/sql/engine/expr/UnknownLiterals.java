package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.engine.analyze.UnknownArgs;
import io.snapsync.core.sql.func.FunctionLibrary;
import io.snapsync.core.sql.func.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * PostgreSQL's {@code unknown} literals ({@code '{1,2}'}, {@code NULL}) in operator and
 * function calls no overload takes as text: each is given the type of another argument (or
 * that type's element or array type), the first that some overload accepts, and is cast to it
 * ({@code i @> '{32}'}, {@code array_remove(a, NULL)}).
 */
final class UnknownLiterals {

  private UnknownLiterals() {
  }

  /** The overload and the arguments converted to it, or empty when no retyping helps. */
  static Optional<Resolved> resolve(FunctionLibrary library, String name, RexCall call,
      List<DataType> types, List<Evaluator> args) {
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      if (isUnknown(call.getOperands().get(i))) {
        unknown.add(i);
      }
    }
    Optional<UnknownArgs.Choice> choice = UnknownArgs.retype(library, name, types, unknown);
    if (choice.isEmpty()) {
      return Optional.empty();
    }
    List<Evaluator> cast = new ArrayList<>(args);
    for (int i : unknown) {
      Evaluator e = args.get(i);
      DataType from = types.get(i);
      DataType to = choice.get().types().get(i);
      cast.set(i, (r, ctx) -> ValueOps.cast(e.eval(r, ctx), from, to, -1,
          ctx.eval()));
    }
    return Optional.of(new Resolved(choice.get().function(), cast));
  }

  private static boolean isUnknown(RexNode n) {
    if (n instanceof RexCall cast && cast.getKind() == org.apache.calcite.sql.SqlKind.CAST
        && cast.getOperands().get(0) instanceof RexLiteral lit && lit.isNull()) {
      return true; // a typed NULL Calcite made of a bare NULL
    }
    return n instanceof RexLiteral lit && (lit.isNull()
        || lit.getType().getFamily() == SqlTypeFamily.CHARACTER);
  }

  /** An overload and its (converted) arguments. */
  record Resolved(ScalarFunction function, List<Evaluator> args) {
  }
}
