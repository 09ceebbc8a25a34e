package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** {@code transactions}: committed and rolled back. */
final class TransactionsCollector extends Collectors.Named {

  TransactionsCollector() {
    super("transactions");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    return Collectors.fromStats(ctx, s -> new JsonObject().put("commits", s.commits())
        .put("rollbacks", s.rollbacks()));
  }
}
