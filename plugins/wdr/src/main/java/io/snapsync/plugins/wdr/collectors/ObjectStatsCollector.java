package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.session.Column;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.sql.catalog.ObjectStatsTables;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * {@code objects}: this data node's {@code pg_stat_user_tables} and {@code pg_stat_user_indexes}
 * rows (cumulative scan and write counters, live rows, versions pending reclaim, stored bytes)
 * over the latest committed schema; {@code available: false} on a node without storage. The
 * report takes the counters' differences and the end snapshot's sizes.
 */
final class ObjectStatsCollector extends Collectors.Named {

  ObjectStatsCollector() {
    super("objects");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    Optional<Store> store = ctx.service(Store.class);
    Optional<ActivityStats> stats = Collectors.stats(ctx);
    if (store.isEmpty() || stats.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put("available", false));
    }
    // one scan of every table's versions: off the event loop
    return ctx.vertx().executeBlocking(() -> {
      StoreTransaction txn = store.get().begin();
      try {
        var tables = ObjectStatsTables.tables(txn);
        var objects = stats.get().objects();
        return new JsonObject().put("available", true)
            .put("tables", json(ObjectStatsTables.TABLE_COLUMNS,
                ObjectStatsTables.tableRows(store.get(), tables, objects)))
            .put("indexes", json(ObjectStatsTables.INDEX_COLUMNS,
                ObjectStatsTables.indexRows(store.get(), tables, objects)));
      } finally {
        txn.rollback();
      }
    }, false);
  }

  private static JsonArray json(List<Column> columns, List<List<Object>> rows) {
    JsonArray out = new JsonArray();
    for (List<Object> row : rows) {
      JsonObject o = new JsonObject();
      for (int i = 0; i < columns.size(); i++) {
        Object v = row.get(i);
        if (v instanceof Number || v instanceof String) {
          o.put(columns.get(i).name(), v);
        }
      }
      out.add(o);
    }
    return out;
  }
}
