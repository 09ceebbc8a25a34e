package io.snapsync.core.session.impl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.TransactionStatus;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code pg_stat_activity}: one row per session of this coordinator (session_id, datname,
 * usename, application_name, state, last_active, node, query, query_start, wait_event_type,
 * wait_event). {@code state} is PostgreSQL's: active, idle, idle in transaction, idle in
 * transaction (aborted); {@code query} the running or last statement; the wait event
 * ({@code Lock}/{@code row}, {@code IO}/{@code commit}) is shown while an active session waits.
 */
final class ActivityTable implements SystemTable {

  private final SessionManagerImpl manager;
  private final String node;

  ActivityTable(SessionManagerImpl manager, String node) {
    this.manager = manager;
    this.node = node;
  }

  @Override
  public String name() {
    return "pg_stat_activity";
  }

  @Override
  public List<Column> columns() {
    return List.of(new Column("session_id", DataType.TEXT), new Column("datname", DataType.TEXT),
        new Column("usename", DataType.TEXT), new Column("application_name", DataType.TEXT),
        new Column("state", DataType.TEXT), new Column("last_active", DataType.TIMESTAMPTZ),
        new Column("node", DataType.TEXT), new Column("query", DataType.TEXT),
        new Column("query_start", DataType.TIMESTAMPTZ),
        new Column("wait_event_type", DataType.TEXT), new Column("wait_event", DataType.TEXT));
  }

  @Override
  public Future<List<List<Object>>> rows(FunctionCall call) {
    List<List<Object>> rows = new ArrayList<>();
    for (SessionImpl s : manager.live()) {
      String app;
      try {
        app = s.settings().get("application_name");
      } catch (RuntimeException e) {
        app = "";
      }
      String state = s.busy() ? "active"
          : s.transactionStatus() == TransactionStatus.IN_BLOCK ? "idle in transaction"
          : s.transactionStatus() == TransactionStatus.FAILED
              ? "idle in transaction (aborted)" : "idle";
      String wait = state.equals("active") ? s.txn().waitEvent() : null;
      int colon = wait == null ? -1 : wait.indexOf(':');
      rows.add(Arrays.asList(s.id(), "snapsync", s.user(), app, state,
          Instant.ofEpochMilli(s.lastActiveMillis()).atOffset(ZoneOffset.UTC), node, s.query(),
          s.queryStartMillis() == 0 ? null
              : Instant.ofEpochMilli(s.queryStartMillis()).atOffset(ZoneOffset.UTC),
          colon < 0 ? null : wait.substring(0, colon),
          colon < 0 ? null : wait.substring(colon + 1)));
    }
    return Future.succeededFuture(rows);
  }
}
