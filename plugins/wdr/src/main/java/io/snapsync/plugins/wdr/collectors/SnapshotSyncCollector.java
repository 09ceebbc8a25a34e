package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreStats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * {@code snapshot_sync}: transaction snapshots exported and imported on this node and, on the
 * data node, the pinned snapshots and the oldest pin's age from the store.
 */
final class SnapshotSyncCollector extends Collectors.Named {

  SnapshotSyncCollector() {
    super("snapshot_sync");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    JsonObject j = new JsonObject();
    Collectors.stats(ctx).ifPresent(s -> j.put("exported", s.snapshotsExported())
        .put("imported", s.snapshotsImported()));
    Optional<Store> store = ctx.service(Store.class);
    if (store.isEmpty()) {
      return Future.succeededFuture(j);
    }
    return ctx.vertx().executeBlocking(() -> {
      StoreStats st = store.get().stats();
      return j.put("live_snapshots", st.liveSnapshots())
          .put("oldest_pinned_age_ms", st.oldestSnapshotAgeMillis())
          .put("versions_pending_reclaim", st.versionsPendingReclaim())
          .put("versions_reclaimed", st.versionsReclaimed());
    }, false);
  }
}
