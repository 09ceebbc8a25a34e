package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** {@code errors}: error count by SQLSTATE. */
final class ErrorsCollector extends Collectors.Named {

  ErrorsCollector() {
    super("errors");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    return Collectors.fromStats(ctx, s -> {
      JsonObject j = new JsonObject();
      s.errors().forEach(j::put);
      return j;
    });
  }
}
