package io.snapsync.core.sql.catalog;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.sql.ddl.SequenceDef;
import io.snapsync.core.sql.ddl.Sequences;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.List;

/**
 * A sequence read as a one-row relation, as in PostgreSQL: {@code SELECT last_value, log_cnt,
 * is_called FROM seq} (pg_dump reads every sequence so). {@code last_value} is the value last
 * handed out (or set by {@code setval}), else the start; {@code log_cnt} is always 0 (snapsync
 * logs no values ahead per sequence).
 */
public final class SequenceRelation {

  private static final List<Column> COLUMNS = List.of(new Column("last_value", DataType.INT8),
      new Column("log_cnt", DataType.INT8), new Column("is_called", DataType.BOOL));

  private SequenceRelation() {
  }

  /** The relation of the sequence named {@code name} as {@code txn} sees it, or null. Blocking. */
  public static SystemTable find(StoreTransaction txn, String name) {
    for (SequenceDef s : Sequences.all(txn)) {
      if (s.name().equals(name)) {
        return SystemTable.of(name, COLUMNS, call -> Future.succeededFuture(rows(call, s)));
      }
    }
    return null;
  }

  private static List<List<Object>> rows(io.snapsync.core.spi.FunctionCall call,
      SequenceDef s) {
    Sequences.State st = ((SessionContext) call.sessionInternals()).sequences().state(s);
    return List.of(Arrays.asList(st.lastValue(), 0L, st.called()));
  }
}
