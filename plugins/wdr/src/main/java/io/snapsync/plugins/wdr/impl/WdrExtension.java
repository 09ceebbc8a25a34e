package io.snapsync.plugins.wdr.impl;

import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.spi.SnapsyncExtension;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.ash.ActiveSessionSampler;
import io.snapsync.plugins.wdr.ash.ActiveSessionsCollector;
import io.snapsync.plugins.wdr.collectors.Collectors;
import io.vertx.core.Future;

/**
 * The {@code wdr} extension: settings, built-in collectors, {@code create_wdr_snapshot},
 * {@code generate_wdr_report}, the WDR system tables, and at start the {@link WdrNode}
 * (registered as the {@link WdrService} node service). The clock is the node's
 * ({@link Collectors#clock}); tuning comes from
 * {@code plugins.wdr} ({@link WdrOptions}).
 */
public final class WdrExtension implements SnapsyncExtension {

  private volatile WdrNode node;
  private volatile ActiveSessionSampler sampler;

  @Override
  public String name() {
    return "wdr";
  }

  @Override
  public void register(ExtensionContext ctx) {
    for (SettingDefinition d : WdrSettings.DEFINITIONS) {
      if (ctx.settings().definition(d.name()).isEmpty()) {
        ctx.addSetting(d);
      }
    }
    ctx.addCatalog(WdrExtension.class.getClassLoader(),
        io.snapsync.plugins.wdr.report.ReportService.LABELS_BUNDLE);
    Collectors.builtin().forEach(ctx::addCollector);
    ctx.addCollector(new ActiveSessionsCollector());
    WdrSettings settings = new WdrSettings(ctx.settings());
    ctx.addFunction(new CreateWdrSnapshotFunction(this::service, settings, ctx.catalog()));
    ctx.addFunction(new GenerateWdrReportFunction(this::service));
    ctx.addFunction(new GenerateWdrReportByTimeFunction(this::service));
    WdrBaselineFunctions.all(this::service, ctx.catalog()).forEach(ctx::addFunction);
    WdrDetailFunctions.all(this::service, ctx.catalog()).forEach(ctx::addFunction);
    new WdrTables(() -> node.repository(), ctx.catalog()).tables().forEach(ctx::addSystemTable);
  }

  @Override
  public Future<Void> start(ExtensionContext ctx) {
    WdrOptions options = WdrOptions.fromJson(ctx.config());
    WdrNode n = new WdrNode(ctx, Collectors.clock(ctx), options);
    node = n;
    WdrSettings settings = new WdrSettings(ctx.settings());
    ActiveSessionSampler ash = new ActiveSessionSampler(ctx, Collectors.clock(ctx),
        settings::ashIntervalSeconds);
    sampler = ash;
    ctx.registerService(ActiveSessionSampler.class, ash);
    // tickMillis 0: no timers (tests sample by calling ActiveSessionSampler.sample())
    if (options.tickMillis() > 0) {
      ash.start();
    }
    return n.start().map(s -> {
      ctx.registerService(WdrService.class, s);
      return null;
    });
  }

  @Override
  public Future<Void> stop() {
    ActiveSessionSampler s = sampler;
    if (s != null) {
      s.stop();
    }
    WdrNode n = node;
    return n == null ? Future.succeededFuture() : n.stop();
  }

  private WdrService service() {
    WdrNode n = node;
    return n == null ? null : n.service();
  }

  /** The started node parts (null before start). */
  public WdrNode node() {
    return node;
  }
}
