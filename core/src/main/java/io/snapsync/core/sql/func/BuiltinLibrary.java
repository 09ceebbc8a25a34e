package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.Optional;

/**
 * The built-in {@link FunctionLibrary}: every family registers its overloads once; lookups
 * resolve among them with {@link Overloads}, then try the name's variadic templates.
 */
final class BuiltinLibrary implements FunctionLibrary {

  static final BuiltinLibrary INSTANCE = new BuiltinLibrary();

  private final Registry registry;

  private BuiltinLibrary() {
    Registry r = new Registry();
    ArithmeticOperators.register(r);
    MathFunctions.register(r);
    StringFunctions.register(r);
    ConcatFunctions.register(r);
    FormatFunction.register(r);
    PatternFunctions.register(r);
    DateTimeOperators.register(r);
    DateTimeFunctions.register(r);
    DateFields.register(r);
    DateTrunc.register(r);
    JustifyFunctions.register(r);
    JsonFunctions.register(r);
    JsonEditFunctions.register(r);
    ArrayFunctions.register(r);
    ComparisonOperators.register(r);
    SystemFunctions.register(r);
    ToCharFunctions.register(r);
    ByteaFunctions.register(r);
    CatalogFunctions.register(r);
    SequenceFunctions.register(r);
    Aggregates.register(r);
    registry = r.freeze();
  }

  @Override
  public List<ScalarFunction> scalarOverloads(String name) {
    return registry.scalars(name);
  }

  @Override
  public boolean hasScalar(String name) {
    return !registry.scalars(name).isEmpty() || !registry.templates(name).isEmpty();
  }

  @Override
  public Optional<ScalarFunction> scalar(String name, List<DataType> argTypes) {
    Optional<ScalarFunction> f = Overloads.select(registry.scalars(name), ScalarFunction::argTypes,
        argTypes, isOperator(name));
    if (f.isPresent()) {
      return f;
    }
    for (Registry.Template t : registry.templates(name)) {
      f = t.bind(argTypes);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  @Override
  public List<AggregateFunction> aggregateOverloads(String name) {
    return registry.aggregates(name);
  }

  @Override
  public Optional<AggregateFunction> aggregate(String name, List<DataType> argTypes) {
    return Overloads.select(registry.aggregates(name), AggregateFunction::argTypes, argTypes,
        false);
  }

  /** The registered scalar names (functions and operator symbols). */
  List<String> scalarNames() {
    return registry.scalarNames();
  }

  List<String> aggregateNames() {
    return registry.aggregateNames();
  }

  private static boolean isOperator(String name) {
    return !name.isEmpty() && !Character.isLetter(name.charAt(0));
  }
}
