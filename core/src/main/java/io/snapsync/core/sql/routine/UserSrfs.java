package io.snapsync.core.sql.routine;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.srf.CallContext;
import io.snapsync.core.sql.srf.RowSource;
import io.snapsync.core.sql.srf.SetReturningFunction;
import io.snapsync.core.sql.srf.TableFunctions;
import io.snapsync.storage.StoreTransaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User functions as set-returning functions ({@code SELECT * FROM f(1)}, {@code SELECT f(1)}
 * for {@code RETURNS SETOF | TABLE} and OUT parameters): the overloads of a name that the
 * analyzing transaction sees join the built-in function of that name, the built-in winning
 * unless a user overload matches the argument types exactly. The rows come from the body run
 * in the caller's transaction ({@link SqlFunctionCalls#rows}).
 */
public final class UserSrfs {

  private UserSrfs() {
  }

  /** The user functions {@code t} sees, for one statement's rewriting; null without {@code t}. */
  public static TableFunctions.Resolver resolver(StoreTransaction t) {
    if (t == null) {
      return null;
    }
    Map<String, List<RoutineDef>> seen = new HashMap<>();
    return new TableFunctions.Resolver() {
      @Override
      public SetReturningFunction find(String name, SetReturningFunction builtin) {
        List<RoutineDef> sets = overloads(name).stream()
            .filter(d -> d.returnsSet() || d.outputs().size() > 1).toList();
        return sets.isEmpty() ? builtin : new Function(name, sets, builtin);
      }

      @Override
      public SetReturningFunction findInFrom(String name, SetReturningFunction builtin) {
        List<RoutineDef> all = overloads(name);
        return all.isEmpty() ? builtin : new Function(name, all, builtin);
      }

      private List<RoutineDef> overloads(String name) {
        return seen.computeIfAbsent(name, n -> RoutineCatalog.overloads(t, n).stream()
            .filter(d -> d.kind() == 'f' && !d.isTrigger()).toList());
      }
    };
  }

  /** The overloads of one name, with the built-in of that name (or null). */
  private record Function(String name, List<RoutineDef> overloads,
      SetReturningFunction builtin) implements SetReturningFunction {

    @Override
    public boolean baseTypeResult() {
      return overloads.stream().allMatch(d -> d.outputs().size() <= 1)
          && (builtin == null || builtin.baseTypeResult());
    }

    @Override
    public Optional<Bound> bind(List<DataType> argTypes, List<Column> declared) {
      Optional<Candidates.Choice> mine = Candidates.select(overloads, argTypes);
      if (builtin != null && (mine.isEmpty() || !exact(mine.get(), argTypes))) {
        Optional<Bound> b = builtin.bind(argTypes, declared);
        if (b.isPresent() || mine.isEmpty()) {
          return b;
        }
      }
      if (mine.isPresent() && declared != null) {
        throw io.snapsync.core.error.SnapsyncException.error(
            io.snapsync.core.error.SqlState.SYNTAX_ERROR,
            mine.get().def().outputs().size() > 1 ? "engine.srf.coldefs_redundant"
                : "engine.srf.coldefs_not_record");
      }
      return mine.map(UserBound::new);
    }

    private static boolean exact(Candidates.Choice c, List<DataType> actual) {
      List<DataType> passed = c.passed();
      for (int i = 0; i < actual.size(); i++) {
        if (actual.get(i) != passed.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A call bound to one user function. */
  private record UserBound(Candidates.Choice choice) implements SetReturningFunction.Bound {

    @Override
    public List<DataType> argTypes() {
      return choice.passed();
    }

    @Override
    public List<Column> columns() {
      return choice.def().resultColumns();
    }

    @Override
    public boolean strict() {
      return choice.def().strict();
    }

    @Override
    public RowSource rows(Object[] args, CallContext ctx) {
      RoutineDef d = choice.def();
      return RowSource.of(SqlFunctionCalls.rows(ctx.exec(), d.name(), d.inputTypes(), args));
    }
  }
}
