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

  /** A function named {@code name} whose result {@code body} computes for each call. */
  static SqlFunction of(String name, List<FunctionParam> params, DataType returnType,
      Function<FunctionCall, Future<Object>> body) {
    return new SqlFunction() {
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
