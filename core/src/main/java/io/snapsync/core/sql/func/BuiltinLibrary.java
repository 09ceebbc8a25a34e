package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.Optional;

/** The built-in {@link FunctionLibrary} (filled in by the functions work). */
final class BuiltinLibrary implements FunctionLibrary {

  static final BuiltinLibrary INSTANCE = new BuiltinLibrary();

  private BuiltinLibrary() {
  }

  @Override
  public List<ScalarFunction> scalarOverloads(String name) {
    return List.of();
  }

  @Override
  public Optional<ScalarFunction> scalar(String name, List<DataType> argTypes) {
    return Optional.empty();
  }

  @Override
  public List<AggregateFunction> aggregateOverloads(String name) {
    return List.of();
  }

  @Override
  public Optional<AggregateFunction> aggregate(String name, List<DataType> argTypes) {
    return Optional.empty();
  }
}
