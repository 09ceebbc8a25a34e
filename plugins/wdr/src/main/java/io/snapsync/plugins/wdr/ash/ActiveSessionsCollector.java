package io.snapsync.plugins.wdr.ash;

import io.snapsync.core.spi.Collector;
import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code active_sessions}: the node's active session history ({@link ActiveSessionSampler}):
 * cumulative sample counts by wait event and statement, and the rows sampled since the
 * previous snapshot ({@code wdr_snap_active_sessions}). {@code available: false} where the
 * node has no sampler.
 */
public final class ActiveSessionsCollector implements Collector {

  @Override
  public String name() {
    return "active_sessions";
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    return Future.succeededFuture(ctx.service(ActiveSessionSampler.class)
        .map(ActiveSessionSampler::flush)
        .orElseGet(() -> new JsonObject().put("available", false)));
  }
}
