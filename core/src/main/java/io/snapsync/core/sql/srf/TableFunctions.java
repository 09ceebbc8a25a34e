package io.snapsync.core.sql.srf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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

  /** The user functions of the statement the current thread analyzes (see {@link #within}). */
  private static final ThreadLocal<Resolver> USER = new ThreadLocal<>();

  /**
   * Set-returning functions the analyzing transaction defines (user functions): given a name
   * and the built-in of that name (or null), the function to use (one joining both overload
   * sets), or null when there is none.
   */
  public interface Resolver {

    /** The function for {@code name} called where a set may stand (FROM, the select list). */
    SetReturningFunction find(String name, SetReturningFunction builtin);

    /** The function for {@code name} called as a FROM item, where any function may stand. */
    default SetReturningFunction findInFrom(String name, SetReturningFunction builtin) {
      return find(name, builtin);
    }
  }

  private TableFunctions() {
  }

  /** Runs {@code work} (the rewriting of one statement) with {@code user}'s functions known. */
  public static <T> T within(Resolver user, Supplier<T> work) {
    Resolver before = USER.get();
    USER.set(user);
    try {
      return work.get();
    } finally {
      USER.set(before);
    }
  }

  /** The function named {@code name} (lower case), or null. */
  public static SetReturningFunction find(String name) {
    if (name == null) {
      return null;
    }
    SetReturningFunction builtin = FUNCTIONS.get(name);
    Resolver user = USER.get();
    return user == null ? builtin : user.find(name, builtin);
  }

  /** As {@link #find}, for a function called as a FROM item (a scalar user function too). */
  public static SetReturningFunction findInFrom(String name) {
    if (name == null) {
      return null;
    }
    SetReturningFunction builtin = FUNCTIONS.get(name);
    Resolver user = USER.get();
    return user == null ? builtin : user.findInFrom(name, builtin);
  }

  /** Adds (or replaces) a function; later statements see it. */
  public static void register(SetReturningFunction f) {
    FUNCTIONS.put(f.name(), f);
  }
}
