package io.snapsync.core.spi;

import io.snapsync.core.session.Column;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * A read-only table computed on demand ({@code snapshot_log}, WDR's {@code snapshot}, cluster
 * views). {@code SELECT} applies {@code WHERE}, {@code ORDER BY}, {@code LIMIT} and
 * {@code count(*)} over the rows returned. Thread-safe; {@link #rows} runs on a worker thread.
 */
public interface SystemTable {

  /** Lower-case table name. */
  String name();

  List<Column> columns();

  /** Every row, values in column order. {@code call.args()} is empty. */
  Future<List<List<Object>>> rows(FunctionCall call);

  /** A table named {@code name} whose rows {@code rows} computes for each query. */
  static SystemTable of(String name, List<Column> columns,
      Function<FunctionCall, Future<List<List<Object>>>> rows) {
    return new SystemTable() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public Future<List<List<Object>>> rows(FunctionCall call) {
        return rows.apply(call);
      }
    };
  }
}
