package io.snapsync.core.spi;

import io.snapsync.core.session.DataType;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * A function callable as {@code SELECT name(args)}; the result column is named after the
 * function. Implementations are thread-safe. {@link #call} runs on a worker thread and may
 * block briefly; long work should return a future and do it elsewhere. Failures are
 * {@link io.snapsync.core.error.SnapsyncException}s (anything else is reported as XX000).
 */
public interface SqlFunction {

  /** Lower-case name. */
  String name();

  List<FunctionParam> params();

  DataType returnType();

  Future<Object> call(FunctionCall call);

  /**
   * PostgreSQL's STRICT: a NULL argument for a parameter that does not take NULL makes the
   * result NULL without calling the function. A function that is not strict gets 22004
   * instead ({@link FunctionRegistry} applies both, so {@link #call} never sees such a NULL).
   * Parameters that take NULL are the optional ones whose default is NULL.
   */
  default boolean strict() {
    return false;
  }

  /**
   * True when the function itself gives NULL arguments their meaning (a documented default or
   * error, e.g. {@code kill_snapshot(NULL)} is the local scope): then neither rule above
   * applies and {@link #call} gets the NULLs. It must still never fail with a Java exception.
   */
  default boolean callOnNull() {
    return false;
  }

  /** A function named {@code name} whose result {@code body} computes for each call. */
  static SqlFunction of(String name, List<FunctionParam> params, DataType returnType,
      Function<FunctionCall, Future<Object>> body) {
    return of(name, params, returnType, false, body);
  }

  /** As {@link #of(String, List, DataType, Function)}, {@link #strict} when {@code strict}. */
  static SqlFunction of(String name, List<FunctionParam> params, DataType returnType,
      boolean strict, Function<FunctionCall, Future<Object>> body) {
    return new SqlFunction() {
      @Override
      public boolean strict() {
        return strict;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public List<FunctionParam> params() {
        return params;
      }

      @Override
      public DataType returnType() {
        return returnType;
      }

      @Override
      public Future<Object> call(FunctionCall call) {
        return body.apply(call);
      }
    };
  }
}
