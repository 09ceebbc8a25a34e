package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.FunctionLibrary;
import io.snapsync.core.sql.func.ScalarFunction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's {@code unknown} arguments ({@code NULL}, a quoted literal) of a call no
 * overload takes as text: each is given the type of another argument, or that type's element
 * or array type, the first that some overload accepts ({@code array_remove(a, NULL)},
 * {@code i @> '{32}'}). Used by validation and by the executor alike, so both choose the same
 * overload. Static, thread-safe.
 */
public final class UnknownArgs {

  private UnknownArgs() {
  }

  /** An overload and the argument types it was chosen for. */
  public record Choice(ScalarFunction function, List<DataType> types) {
  }

  /** The overload with the {@code unknown} positions retyped, or empty. */
  public static Optional<Choice> retype(FunctionLibrary library, String name,
      List<DataType> types, List<Integer> unknown) {
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    Set<DataType> candidates = new LinkedHashSet<>();
    for (int i = 0; i < types.size(); i++) {
      if (!unknown.contains(i)) {
        DataType t = types.get(i);
        candidates.add(t);
        if (t.isArray()) {
          candidates.add(t.element());
        } else if (t.arrayType() != null) {
          candidates.add(t.arrayType());
        }
      }
    }
    for (DataType c : candidates) {
      List<DataType> retyped = new ArrayList<>(types);
      for (int i : unknown) {
        retyped.set(i, c);
      }
      Optional<ScalarFunction> f = library.scalar(name, retyped);
      if (f.isPresent()) {
        return Optional.of(new Choice(f.get(), retyped));
      }
    }
    return Optional.empty();
  }
}
