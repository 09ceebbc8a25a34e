package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.Evaluator;
import java.util.List;
import java.util.Locale;

/**
 * A few named functions the engine evaluates itself until the {@code FunctionLibrary} (the
 * functions work) provides them; the library always wins when it has an overload.
 */
final class NamedFallbacks {

  private NamedFallbacks() {
  }

  /** The evaluator of {@code name(args)}, or null when there is no fallback. */
  static Evaluator of(String name, List<Evaluator> args, DataType type) {
    return switch (name) {
      case "upper" -> text1(args, s -> s.toUpperCase(Locale.ROOT));
      case "lower" -> text1(args, s -> s.toLowerCase(Locale.ROOT));
      case "char_length", "character_length", "length" ->
          text1(args, s -> s.codePointCount(0, s.length()));
      case "abs" -> args.size() == 1 ? (r, c) -> {
        Object v = args.get(0).eval(r, c);
        if (v == null) {
          return null;
        }
        return ValueOps.compare(v, 0, null) < 0 ? Arithmetic.negate(v, type) : v;
      } : null;
      default -> null;
    };
  }

  private static Evaluator text1(List<Evaluator> args,
      java.util.function.Function<String, Object> f) {
    if (args.size() != 1) {
      return null;
    }
    Evaluator a = args.get(0);
    return (r, c) -> {
      Object v = a.eval(r, c);
      return v == null ? null : f.apply(v.toString());
    };
  }
}
