package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.stats.StatementStats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code statements}: every tracked normalized statement with calls, total and max time and
 * rows (cumulative, as {@code pg_stat_statements}); the report ranks the differences.
 */
final class StatementsCollector extends Collectors.Named {

  StatementsCollector() {
    super("statements");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    // Thousands of entries: built off the event loop.
    return ctx.vertx().executeBlocking(() -> Collectors.fromStats(ctx, s -> {
      JsonArray items = new JsonArray();
      for (StatementStats st : s.statements()) {
        items.add(new JsonObject().put("query", st.query()).put("kind", st.kind())
            .put("calls", st.calls()).put("total_ns", st.totalNanos())
            .put("max_ns", st.maxNanos()).put("rows", st.rows()));
      }
      return new JsonObject().put("max", s.maxStatements).put("items", items);
    }), false).compose(f -> f);
  }
}
