package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A built-in set-returning function: its name, what it returns ({@link Kind}) and how it binds
 * argument types to an overload. Checks the column definition list as PostgreSQL does.
 */
record Srf(String name, Kind kind, Binder binder) implements SetReturningFunction {

  /** What a function returns, which decides what a column definition list may do. */
  enum Kind {
    /** A base type: one column, named after the function or the alias. */
    BASE,
    /** Fixed OUT columns ({@code jsonb_each}: key, value). */
    OUT,
    /** {@code record}: the call's column definition list gives the columns. */
    RECORD
  }

  /** Chooses an overload; {@code declared} is non-null only for {@link Kind#RECORD}. */
  @FunctionalInterface
  interface Binder {
    Optional<Bound> bind(List<DataType> args, List<Column> declared);
  }

  @Override
  public boolean baseTypeResult() {
    return kind == Kind.BASE;
  }

  @Override
  public Optional<Bound> bind(List<DataType> argTypes, List<Column> declared) {
    if (declared != null && kind == Kind.BASE) {
      throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "engine.srf.coldefs_not_record");
    }
    if (declared != null && kind == Kind.OUT) {
      throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "engine.srf.coldefs_redundant");
    }
    if (declared == null && kind == Kind.RECORD) {
      throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "engine.srf.coldefs_required");
    }
    return binder.bind(argTypes, declared);
  }

  /** An overload taking {@code args}, returning {@code columns}, its rows from {@code rows}. */
  static Bound bound(List<DataType> args, List<Column> columns,
      BiFunction<Object[], CallContext, RowSource> rows) {
    return new Bound() {
      @Override
      public List<DataType> argTypes() {
        return args;
      }

      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public RowSource rows(Object[] a, CallContext ctx) {
        return rows.apply(a, ctx);
      }
    };
  }

  /** True when {@code t} is an argument that can be taken as {@code want}. */
  static boolean fits(DataType t, DataType want) {
    return t == want || t == DataType.UNKNOWN;
  }

  /** True when {@code t} is text-like or an untyped literal. */
  static boolean text(DataType t) {
    return t == DataType.TEXT || t == DataType.VARCHAR || t == DataType.BPCHAR
        || t == DataType.NAME || t == DataType.UNKNOWN;
  }
}
