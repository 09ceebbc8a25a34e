package io.snapsync.core.spi;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The SQL functions of a node, by lower-case name. Every function is registered behind a
 * {@link NullArgumentGuard}, so NULL arguments follow PostgreSQL whoever calls it. Thread-safe.
 */
public final class FunctionRegistry {

  private final Map<String, SqlFunction> functions = new ConcurrentSkipListMap<>();

  /** Adds a function; a second one with the same name is rejected. */
  public void add(SqlFunction function) {
    String name = function.name().toLowerCase(java.util.Locale.ROOT);
    if (functions.putIfAbsent(name, NullArgumentGuard.of(function)) != null) {
      throw new IllegalStateException("function " + name + " is registered twice");
    }
  }

  public Optional<SqlFunction> find(String name) {
    return Optional.ofNullable(functions.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  public Collection<SqlFunction> all() {
    return functions.values();
  }
}
