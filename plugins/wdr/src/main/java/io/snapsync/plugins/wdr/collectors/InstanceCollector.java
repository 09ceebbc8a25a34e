package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.stats.ActivityStats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;

/** {@code instance}: node, role, start time, statistics reset time, uptime. */
final class InstanceCollector extends Collectors.Named {

  InstanceCollector() {
    super("instance");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long start = Collectors.stats(ctx).map(ActivityStats::startMillis).orElse(jvmStart);
    long reset = Collectors.stats(ctx).map(ActivityStats::resetMillis).orElse(start);
    long now = Collectors.clock(ctx).millis();
    return Future.succeededFuture(new JsonObject().put("node", ctx.node().name())
        .put("role", ctx.node().roleName()).put("start_ms", start).put("reset_ms", reset)
        .put("uptime_s", Math.max(0, (now - start) / 1000)));
  }
}
