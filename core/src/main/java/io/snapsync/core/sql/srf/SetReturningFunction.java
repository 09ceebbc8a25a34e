package io.snapsync.core.sql.srf;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL set-returning function ({@code generate_series}, {@code unnest},
 * {@code jsonb_each}, a user's {@code RETURNS SETOF} function...), the extension point of the
 * engine's table functions. The engine calls {@link #bind} while validating a statement, with
 * the argument types of the call, then runs the bound overload's {@link Bound#rows} on the
 * worker running the statement, pulling rows lazily. Used in FROM ({@code f(x) WITH
 * ORDINALITY AS t(a, n)}, implicitly lateral) and in the select list (rewritten to a lateral
 * call). Implementations are stateless and thread-safe.
 */
public interface SetReturningFunction {

  /** PostgreSQL's name, lower case. */
  String name();

  /**
   * True when the function returns a base type: one column, renamed by an alias alone
   * ({@code FROM generate_series(1, 3) g}) and usable in the select list; false for a function
   * returning a record ({@code jsonb_each}).
   */
  default boolean baseTypeResult() {
    return true;
  }

  /**
   * The overload for arguments of {@code argTypes} ({@link DataType#UNKNOWN} for an untyped
   * literal or NULL), with {@code declared} the call's column definition list ({@code AS
   * t(a int, b text)}) or null when it has none. Empty when no overload fits (then 42883).
   * Throws a {@link io.snapsync.core.error.SnapsyncException} for a misused column definition
   * list (42601, 42804).
   */
  Optional<Bound> bind(List<DataType> argTypes, List<Column> declared);

  /** One overload as bound to a call. Immutable, thread-safe; shared by cached plans. */
  interface Bound {

    /** The parameter types; each argument is cast to its type before {@link #rows}. */
    List<DataType> argTypes();

    /** The output columns; a function of one column names it after the function. */
    List<Column> columns();

    /** True when any NULL argument gives no rows without calling {@link #rows}. */
    default boolean strict() {
      return true;
    }

    /**
     * The rows for one call, each of {@link #columns()}'s width, produced lazily. The caller
     * checks for cancellation between rows. Errors are SnapsyncExceptions with PostgreSQL's
     * SQLSTATE.
     */
    RowSource rows(Object[] args, CallContext ctx);
  }
}
