package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The overloads of every built-in name, filled once by the function families at class
 * initialization and read-only afterwards.
 */
final class Registry {

  /**
   * Overloads that cannot be listed ahead of time (variadic {@code concat}, {@code format},
   * {@code json_build_object}): given the actual argument types, a concrete overload or empty.
   */
  @FunctionalInterface
  interface Template {
    Optional<ScalarFunction> bind(List<DataType> argTypes);
  }

  private final Map<String, List<ScalarFunction>> scalars = new LinkedHashMap<>();
  private final Map<String, List<Template>> templates = new LinkedHashMap<>();
  private final Map<String, List<AggregateFunction>> aggregates = new LinkedHashMap<>();

  void add(ScalarFunction f) {
    scalars.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
  }

  /** Registers {@code f} under its own name and under every alias. */
  void add(Fn f, String... aliases) {
    add(f);
    for (String a : aliases) {
      add(new Fn(a, f.argTypes(), f.returnType(), f.strict(), f.volatile_(), f.body()));
    }
  }

  void template(String name, Template t) {
    templates.computeIfAbsent(name, k -> new ArrayList<>()).add(t);
  }

  void add(AggregateFunction a) {
    aggregates.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
  }

  List<ScalarFunction> scalars(String name) {
    return scalars.getOrDefault(name, List.of());
  }

  List<Template> templates(String name) {
    return templates.getOrDefault(name, List.of());
  }

  List<AggregateFunction> aggregates(String name) {
    return aggregates.getOrDefault(name, List.of());
  }

  /** Makes the lists immutable. */
  Registry freeze() {
    scalars.replaceAll((k, v) -> List.copyOf(v));
    templates.replaceAll((k, v) -> List.copyOf(v));
    aggregates.replaceAll((k, v) -> List.copyOf(v));
    return this;
  }

  /** Every registered scalar and template name, for documentation and the engine's mapping. */
  List<String> scalarNames() {
    List<String> names = new ArrayList<>(scalars.keySet());
    templates.keySet().stream().filter(n -> !scalars.containsKey(n)).forEach(names::add);
    return names;
  }

  List<String> aggregateNames() {
    return List.copyOf(aggregates.keySet());
  }
}
