package io.snapsync.console;

import io.snapsync.core.eventbus.ResultJson;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.core.stats.StatementStats;
import io.snapsync.plugins.wdr.ash.ActiveSessionSampler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The console's live dashboard data ({@code activity} op) of this node: the active session
 * samples by wait class since {@code since} (from the WDR sampler; {@code ash_available} false
 * where the node has none), cumulative counters the page turns into rates (commits,
 * rollbacks, statements), and the pinned exported snapshots with the age of the oldest.
 */
final class ConsoleActivity {

  private static final Column EXPORTED_AT = new Column("exported_at", DataType.TIMESTAMPTZ);

  private ConsoleActivity() {
  }

  /** {@code exported}: the rows of pg_exported_snapshots as the console's table JSON. */
  static Future<JsonObject> of(ExtensionContext ctx, long since, long now,
      Future<JsonObject> exported) {
    JsonObject out = new JsonObject().put("node", ctx.node().name()).put("now", now);
    var sampler = ctx.service(ActiveSessionSampler.class);
    out.put("ash_available", sampler.isPresent())
        .put("ash_interval_s", ctx.settings().definition("wdr_ash_sample_interval").isPresent()
            ? ctx.settings().nodeLong("wdr_ash_sample_interval") : 0L)
        .put("ash", sampler.map(s -> s.series(since)).orElseGet(JsonArray::new));
    ctx.service(ActivityStats.class).ifPresent(s -> {
      long calls = 0;
      for (StatementStats st : s.statements()) {
        calls += st.calls();
      }
      out.put("counters", new JsonObject().put("commits", s.commits())
          .put("rollbacks", s.rollbacks()).put("statements", calls));
    });
    return exported.map(t -> {
      JsonArray cols = t.getJsonArray("columns", new JsonArray());
      int at = -1;
      for (int i = 0; i < cols.size(); i++) {
        if ("exported_at".equals(cols.getJsonObject(i).getString("name"))) {
          at = i;
        }
      }
      JsonArray rows = t.getJsonArray("rows", new JsonArray());
      long oldest = Long.MAX_VALUE;
      for (Object o : rows) {
        Object v = at < 0 ? null : ((JsonArray) o).getValue(at);
        if (v != null && ResultJson.javaValue(v, EXPORTED_AT)
            instanceof java.time.OffsetDateTime t0) {
          oldest = Math.min(oldest, t0.toInstant().toEpochMilli());
        }
      }
      return out.put("pinned_snapshots", rows.size())
          .put("oldest_pin_age_s", oldest == Long.MAX_VALUE ? null
              : Math.max(0, (now - oldest) / 1000));
    }).otherwise(e -> out.put("pinned_snapshots", null));
  }
}
