package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.cluster.ClusterMembership;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.spi.SnapsyncExtension;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;

/**
 * The {@code wdr-kill} extension: {@code kill_snapshot(scope)}, the {@code wdr_kill_timeout}
 * setting, the {@code snapshot_workers} table and the {@code enable_wdr_snapshot} switch of
 * the local worker. Needs the {@code wdr} extension's {@link WdrService} and the core's
 * {@link ClusterMembership} (looked up when used).
 */
public final class KillExtension implements SnapsyncExtension {

  private volatile ExtensionContext context;
  private volatile WorkerKiller killer;

  @Override
  public String name() {
    return "wdr-kill";
  }

  @Override
  public void register(ExtensionContext ctx) {
    context = ctx;
    if (ctx.settings().definition(KillSettings.KILL_TIMEOUT).isEmpty()) {
      ctx.addSetting(KillSettings.DEFINITION);
    }
    ctx.addFunction(new KillSnapshotFunction(this::killer, new KillSettings(ctx.settings()),
        ctx.catalog()));
    ctx.addSystemTable(new SnapshotWorkersTable(ctx.vertx(), this::membership));
  }

  @Override
  public Future<Void> start(ExtensionContext ctx) {
    context = ctx;
    EnableSwitch.install(ctx.vertx(), ctx.settings(),
        () -> ctx.service(WdrService.class).orElse(null));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> stop() {
    return Future.succeededFuture();
  }

  private ClusterMembership membership() {
    ExtensionContext c = context;
    return c == null ? null : c.service(ClusterMembership.class).orElse(null);
  }

  private WorkerKiller killer() {
    WorkerKiller k = killer;
    if (k == null) {
      ClusterMembership m = membership();
      if (m == null) {
        return null;
      }
      k = new WorkerKiller(context.vertx(), m);
      killer = k;
    }
    return k;
  }
}
