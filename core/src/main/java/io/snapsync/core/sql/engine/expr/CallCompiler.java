package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.analyze.FunctionErrors;
import io.snapsync.core.sql.engine.analyze.RegisteredFunctionOperator;
import io.snapsync.core.sql.engine.analyze.TypeMapping;
import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.func.FunctionLibrary;
import io.snapsync.core.sql.func.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;

/** Compiles {@link RexCall}s: logic, comparison, arithmetic, CASE, casts, LIKE, functions. */
final class CallCompiler {

  private final RexCompiler rex;
  private final FunctionLibrary library;
  private final Prefetch prefetch;

  CallCompiler(RexCompiler rex, FunctionLibrary library, Prefetch prefetch) {
    this.rex = rex;
    this.library = library;
    this.prefetch = prefetch;
  }

  Evaluator compile(RexCall call) {
    SqlKind kind = call.getKind();
    if (kind == SqlKind.SEARCH) {
      return rex.compile(RexUtil.expandSearch(rex.rexBuilder(), null, call));
    }
    if (call.getOperator() instanceof RegisteredFunctionOperator rf) {
      return registered(call, rf);
    }
    if (call.getOperator() instanceof io.snapsync.core.sql.routine.RoutineOperator ro
        && !ro.callsBuiltin(call)) {
      return ro.compile(call, rex.compileAll(call.getOperands()));
    }
    DataType type = TypeMapping.toData(call.getType());
    List<Evaluator> compiled = rex.compileAll(call.getOperands());
    List<Evaluator> args = kind == SqlKind.CASE || kind == SqlKind.COALESCE
        || kind == SqlKind.NULLIF || isExtreme(call)
        ? coerceResults(call, compiled, type) : compiled;
    if (call.getOperator() instanceof io.snapsync.sql.parser.ast.PgSubscript ps) {
      return Subscripts.compile(ps, compiled);
    }
    if (call.getOperator() instanceof io.snapsync.core.sql.engine.analyze.PgQuantifiedLiteral ql) {
      return QuantifiedArrays.compile(ql.all(), ql.comparison(), compiled.get(0),
          compiled.get(1), operandType(call, 0), DataType.TEXT, true);
    }
    if (call.getOperator() instanceof io.snapsync.core.sql.engine.analyze.PgLikeQuantified lq) {
      return LikeQuantified.compile(lq, compiled.get(0), compiled.get(1), operandType(call, 1));
    }
    if (call.getOperator() instanceof io.snapsync.sql.parser.ast.PgSubscriptAssign pa) {
      return SubscriptAssignment.compile(pa, compiled, operandType(call, 0),
          operandType(call, call.getOperands().size() - 1));
    }
    if (call.getOperator() instanceof org.apache.calcite.sql.fun.SqlQuantifyOperator q
        && call.getOperands().size() == 2) {
      RexNode arr = call.getOperands().get(1);
      boolean unknown = arr instanceof RexLiteral lit
          && lit.getType().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER;
      DataType xType = operandType(call, 0);
      DataType arrType = operandType(call, 1);
      // a quoted literal ('{1,2}') is an array of x's type, whatever Calcite typed it as
      boolean textual = arrType.isArray() && !xType.isArray() && arrType.element() != xType
          && (arrType == DataType.TEXT_ARRAY || arrType == DataType.VARCHAR_ARRAY
              || arrType == DataType.BPCHAR_ARRAY);
      if (unknown || textual || arr.getType().getComponentType() != null) {
        return QuantifiedArrays.compile(kind == SqlKind.ALL, q.comparisonKind, compiled.get(0),
            compiled.get(1), xType, arrType, unknown || textual);
      }
    }
    switch (kind) {
      case AND:
        return Logic.and(args);
      case OR:
        return Logic.or(args);
      case NOT:
        return Logic.not(args.get(0));
      case IS_NULL:
        return (r, c) -> args.get(0).eval(r, c) == null;
      case IS_NOT_NULL:
        return (r, c) -> args.get(0).eval(r, c) != null;
      case IS_TRUE:
        return (r, c) -> Boolean.TRUE.equals(args.get(0).eval(r, c));
      case IS_NOT_TRUE:
        return (r, c) -> !Boolean.TRUE.equals(args.get(0).eval(r, c));
      case IS_FALSE:
        return (r, c) -> Boolean.FALSE.equals(args.get(0).eval(r, c));
      case IS_NOT_FALSE:
        return (r, c) -> !Boolean.FALSE.equals(args.get(0).eval(r, c));
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN,
          GREATER_THAN_OR_EQUAL:
        return Logic.comparison(kind, args.get(0), args.get(1), operandType(call, 0));
      case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM:
        return Logic.distinct(kind == SqlKind.IS_DISTINCT_FROM, args.get(0), args.get(1),
            operandType(call, 0));
      case CASE:
        return Logic.caseWhen(args);
      case COALESCE:
        return (r, c) -> {
          for (Evaluator e : args) {
            Object v = e.eval(r, c);
            if (v != null) {
              return v;
            }
          }
          return null;
        };
      case NULLIF:
        return (r, c) -> {
          Object a = args.get(0).eval(r, c);
          Object b = args.get(1).eval(r, c);
          return a != null && b != null && ValueOps.compare(a, b, operandType(call, 0)) == 0
              ? null : a;
        };
      case GREATEST, LEAST:
        return Logic.extreme(kind == SqlKind.GREATEST, args, type);
      case OTHER_FUNCTION:
        if (isExtreme(call)) {
          return Logic.extreme(call.getOperator().getName().equalsIgnoreCase("greatest"), args,
              type);
        }
        return function(call, args, type);
      case CAST:
        return cast(call, args.get(0), type);
      case ARRAY_VALUE_CONSTRUCTOR:
        return array(call, args, type);
      case LIKE:
        return like(call, args);
      case POSIX_REGEX_CASE_SENSITIVE, POSIX_REGEX_CASE_INSENSITIVE:
        return regex(args, kind == SqlKind.POSIX_REGEX_CASE_SENSITIVE, call);
      case PLUS, MINUS, TIMES, DIVIDE, MOD:
        return arithmetic(call, args);
      case MINUS_PREFIX:
        return operator("-", call, args);
      case PLUS_PREFIX:
        return args.get(0);
      default:
        return function(call, args, type);
    }
  }

  private static boolean isExtreme(RexCall call) {
    String n = call.getOperator().getName();
    return n.equalsIgnoreCase("greatest") || n.equalsIgnoreCase("least");
  }

  /** Value operands converted to the call's type (CASE branches of narrower types). */
  private static List<Evaluator> coerceResults(RexCall call, List<Evaluator> args,
      DataType type) {
    List<Evaluator> out = new ArrayList<>(args);
    boolean caseWhen = call.getKind() == SqlKind.CASE;
    for (int i = 0; i < args.size(); i++) {
      boolean isValue = !caseWhen || i % 2 == 1 || i == args.size() - 1;
      DataType from = operandType(call, i);
      if (isValue && from != type && !(caseWhen && i % 2 == 0 && i != args.size() - 1)) {
        Evaluator e = args.get(i);
        out.set(i, (r, c) -> ValueOps.cast(e.eval(r, c), from, type, -1, c.eval()));
      }
    }
    return out;
  }

  private static DataType operandType(RexCall call, int i) {
    return TypeMapping.toData(call.getOperands().get(i).getType());
  }

  private static List<DataType> operandTypes(RexCall call) {
    List<DataType> types = new ArrayList<>();
    for (RexNode n : call.getOperands()) {
      types.add(TypeMapping.toData(n.getType()));
    }
    return types;
  }

  /**
   * The operand types for choosing a library overload: a string literal is {@code unknown}
   * (PostgreSQL's untyped literal, fitting {@code jsonb}, {@code date}, ...), as at validation.
   */
  private static List<DataType> resolutionTypes(RexCall call) {
    List<DataType> types = operandTypes(call);
    DataType result = TypeMapping.toData(call.getType());
    // a hoisted literal (LiteralPlans) is a text parameter; with a json result it was unknown
    boolean json = result == DataType.JSON || result == DataType.JSONB;
    for (int i = 0; i < types.size(); i++) {
      RexNode n = call.getOperands().get(i);
      if ((n instanceof RexLiteral || json && n instanceof org.apache.calcite.rex.RexDynamicParam)
          && org.apache.calcite.sql.type.SqlTypeUtil.inCharFamily(n.getType())) {
        types.set(i, DataType.UNKNOWN);
      }
    }
    return types;
  }

  private Evaluator cast(RexCall call, Evaluator arg, DataType to) {
    DataType from = operandType(call, 0);
    int typmod = TypeMapping.typmod(call.getType());
    if (from == to && typmod < 0) {
      return arg;
    }
    return (r, c) -> ValueOps.cast(arg.eval(r, c), from, to, typmod, c.eval());
  }

  private Evaluator arithmetic(RexCall call, List<Evaluator> args) {
    String op = switch (call.getKind()) {
      case PLUS -> "+";
      case MINUS -> "-";
      case TIMES -> "*";
      case DIVIDE -> "/";
      default -> "%";
    };
    return operator(op, call, args);
  }

  /** An operator of the library by symbol, or 42883 naming the operand types. */
  private Evaluator operator(String op, RexCall call, List<Evaluator> args) {
    // unknown literals first: jsonb || '{"a": 1}' is jsonb || jsonb, not text concatenation
    Optional<ScalarFunction> f = library.scalar(op, resolutionTypes(call));
    List<DataType> types = operandTypes(call);
    if (f.isEmpty()) {
      f = library.scalar(op, types);
    }
    if (f.isPresent()) {
      return apply(f.get(), args);
    }
    Optional<UnknownLiterals.Resolved> u = UnknownLiterals.resolve(library, op, call, types, args);
    if (u.isPresent()) {
      return apply(u.get().function(), u.get().args());
    }
    throw types.size() == 2
        ? SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "engine.operator_not_exist",
            types.get(0).sqlName(), op, types.get(1).sqlName())
            .withHint("engine.operator_not_exist.hint")
        : SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "engine.operator_unary", op,
            types.get(0).sqlName()).withHint("engine.operator_not_exist.hint");
  }

  private static Evaluator array(RexCall call, List<Evaluator> args, DataType type) {
    DataType element = type.element() == null ? DataType.TEXT : type.element();
    List<DataType> from = operandTypes(call);
    boolean nested = !from.isEmpty() && from.get(0).isArray();
    if (nested) {
      return (r, c) -> ArrayConstruction.ofSubArrays(args, from, type, r, c);
    }
    return (r, c) -> {
      List<Object> out = new ArrayList<>(args.size());
      for (int i = 0; i < args.size(); i++) {
        Object v = args.get(i).eval(r, c);
        out.add(from.get(i) == element ? v
            : ValueOps.cast(v, from.get(i), element, -1, c.eval()));
      }
      return out;
    };
  }

  private Evaluator like(RexCall call, List<Evaluator> args) {
    SqlLikeOperator op = (SqlLikeOperator) call.getOperator();
    boolean negated = op.isNegated();
    boolean cs = op.isCaseSensitive();
    Evaluator s = args.get(0);
    Evaluator p = args.get(1);
    Evaluator esc = args.size() > 2 ? args.get(2) : null;
    Pattern fixed = call.getOperands().get(1) instanceof RexLiteral lit && esc == null
        && !lit.isNull() ? Like.compile((String) RexCompiler.literal(lit), null, cs) : null;
    return (r, c) -> {
      Object v = s.eval(r, c);
      if (v == null) {
        return null;
      }
      Pattern pat = fixed;
      if (pat == null) {
        Object pv = p.eval(r, c);
        if (pv == null) {
          return null;
        }
        pat = Like.compile(pv.toString(), esc == null ? null : (String) esc.eval(r, c), cs);
      }
      return pat.matcher(v.toString()).matches() != negated;
    };
  }

  private Evaluator regex(List<Evaluator> args, boolean cs, RexCall call) {
    // Calcite names its negated forms "NEGATED POSIX REGEX ..." (written !~ and !~*).
    String name = call.getOperator().getName();
    boolean negated = name.startsWith("!") || name.startsWith("NEGATED");
    return (r, c) -> {
      Object v = args.get(0).eval(r, c);
      Object p = args.get(1).eval(r, c);
      return v == null || p == null ? null
          : Like.regex(p.toString(), cs).matcher(v.toString()).find() != negated;
    };
  }

  private Evaluator registered(RexCall call, RegisteredFunctionOperator op) {
    for (RexNode n : call.getOperands()) {
      if (!RexCompiler.isConstant(n)) {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
            "row-dependent arguments of " + op.getName() + "()");
      }
    }
    int slot = prefetch.call(op.function(), rex.compileAll(call.getOperands()));
    return (r, c) -> c.callResult(slot);
  }

  private Evaluator function(RexCall call, List<Evaluator> args, DataType type) {
    String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
    if (name.equals("||")) {
      return operator("||", call, args);
    }
    Optional<ScalarFunction> f = library.scalar(name, operandTypes(call));
    if (f.isEmpty()) {
      f = library.scalar(name, resolutionTypes(call));
    }
    if (f.isPresent()) {
      return apply(f.get(), args);
    }
    Optional<UnknownLiterals.Resolved> u = UnknownLiterals.resolve(library, name, call,
        operandTypes(call), args);
    if (u.isPresent()) {
      return apply(u.get().function(), u.get().args());
    }
    throw FunctionErrors.undefined(name, operandTypes(call));
  }

  private static Evaluator apply(ScalarFunction f, List<Evaluator> args) {
    boolean strict = f.strict();
    return (r, c) -> {
      Object[] values = new Object[args.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = args.get(i).eval(r, c);
        if (strict && values[i] == null) {
          return null;
        }
      }
      return f.apply(values, c.eval());
    };
  }
}
