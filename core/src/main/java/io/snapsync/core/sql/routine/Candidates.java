package io.snapsync.core.sql.routine;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.Overloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Overload choice among user functions of one name: each function stands for every argument
 * count its defaults allow ({@code f(a int, b text DEFAULT 'x')} is {@code f(int)} and
 * {@code f(int, text)}), then PostgreSQL's rules as for built-ins ({@link Overloads}).
 */
final class Candidates {

  /** The chosen function and how many arguments the call passes. */
  record Choice(RoutineDef def, int args) {
    List<DataType> passed() {
      return def.inputTypes().subList(0, args);
    }
  }

  private Candidates() {
  }

  static Optional<Choice> select(List<RoutineDef> overloads, List<DataType> actual) {
    List<Choice> all = new ArrayList<>();
    for (RoutineDef d : overloads) {
      int n = d.inputs().size();
      int min = n - d.defaults();
      if (actual.size() >= min && actual.size() <= n) {
        all.add(new Choice(d, actual.size()));
      }
    }
    return Overloads.select(all, Choice::passed, actual, false);
  }
}
