package io.snapsync.core.spi;

import io.snapsync.core.session.DataType;
import io.vertx.core.Future;
import java.util.List;

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
}
