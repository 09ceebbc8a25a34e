package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's built-in scalar functions, operators and aggregates, looked up by name and
 * argument types. Overload resolution follows PostgreSQL's rules (exact match, then implicit
 * casts by type category, {@code unknown} literals fitting any type). Thread-safe.
 */
public interface FunctionLibrary {

  /** The built-in library. */
  static FunctionLibrary builtin() {
    return BuiltinLibrary.INSTANCE;
  }

  /** Every overload named {@code name} (lower case), for validation and error hints. */
  List<ScalarFunction> scalarOverloads(String name);

  /** True when {@code name} has a scalar overload, listed or variadic ({@code json_build_object}). */
  default boolean hasScalar(String name) {
    return !scalarOverloads(name).isEmpty();
  }

  /** The overload chosen for arguments of {@code argTypes}, or empty (then 42883). */
  Optional<ScalarFunction> scalar(String name, List<DataType> argTypes);

  List<AggregateFunction> aggregateOverloads(String name);

  Optional<AggregateFunction> aggregate(String name, List<DataType> argTypes);
}
