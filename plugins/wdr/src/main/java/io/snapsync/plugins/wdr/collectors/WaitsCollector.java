package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** {@code waits}: per wait event, number of waits and total time waited. */
final class WaitsCollector extends Collectors.Named {

  WaitsCollector() {
    super("waits");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    return Collectors.fromStats(ctx, s -> {
      JsonObject j = new JsonObject();
      s.waits().forEach((k, v) -> j.put(k, new JsonObject().put("count", v[0])
          .put("total_ns", v[1])));
      return j;
    });
  }
}
