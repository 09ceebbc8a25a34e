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
 * usename, application_name, state, last_active, node). {@code state} is PostgreSQL's:
 * active, idle, idle in transaction, idle in transaction (aborted).
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
        new Column("node", DataType.TEXT));
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
      rows.add(Arrays.asList(s.id(), "snapsync", s.user(), app, state,
          Instant.ofEpochMilli(s.lastActiveMillis()).atOffset(ZoneOffset.UTC), node));
    }
    return Future.succeededFuture(rows);
  }
}
