package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.Collector;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.stats.ActivityStats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The built-in WDR collectors, in report order. */
public final class Collectors {

  private Collectors() {
  }

  public static List<Collector> builtin() {
    return List.of(new InstanceCollector(), new SessionsCollector(), new TransactionsCollector(),
        new StatementsCollector(), new ErrorsCollector(), new WaitsCollector(),
        new SnapshotSyncCollector(), new RocksDbCollector(), new EventBusCollector(),
        new JvmCollector(), new HostCollector(), new SettingsCollector(),
        new ObjectStatsCollector(), new PhasesCollector());
  }

  /** This node's activity counters, if the node registered them. */
  static Optional<ActivityStats> stats(ExtensionContext ctx) {
    return ctx.service(ActivityStats.class);
  }

  /** A collector over {@link ActivityStats}; reports {@code available: false} without them. */
  static Future<JsonObject> fromStats(ExtensionContext ctx, Function<ActivityStats, JsonObject> f) {
    return Future.succeededFuture(stats(ctx).map(f)
        .orElseGet(() -> new JsonObject().put("available", false)));
  }

  /**
   * The node's clock: the {@code Clock} service if one is registered, else the node's own.
   */
  public static java.time.Clock clock(ExtensionContext ctx) {
    return ctx.service(java.time.Clock.class).orElseGet(ctx::clock);
  }

  /** Base class naming a collector. */
  abstract static class Named implements Collector {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }
  }
}
