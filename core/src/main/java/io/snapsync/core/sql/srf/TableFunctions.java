package io.snapsync.core.sql.srf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The set-returning functions the engine knows by name: the built-in ones and any an extension
 * registers ({@link #register}). Thread-safe.
 */
public final class TableFunctions {

  private static final Map<String, SetReturningFunction> FUNCTIONS = new ConcurrentHashMap<>();

  static {
    for (SetReturningFunction f : BuiltinSrfs.all()) {
      register(f);
    }
  }

  private TableFunctions() {
  }

  /** The function named {@code name} (lower case), or null. */
  public static SetReturningFunction find(String name) {
    return name == null ? null : FUNCTIONS.get(name);
  }

  /** Adds (or replaces) a function; later statements see it. */
  public static void register(SetReturningFunction f) {
    FUNCTIONS.put(f.name(), f);
  }
}
