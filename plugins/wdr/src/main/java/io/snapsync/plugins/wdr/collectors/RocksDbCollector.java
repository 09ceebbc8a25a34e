package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreStats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.TreeMap;

/** {@code rocksdb}: the store's RocksDB properties and tickers (data node only). */
final class RocksDbCollector extends Collectors.Named {

  RocksDbCollector() {
    super("rocksdb");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    Optional<Store> store = ctx.service(Store.class);
    if (store.isEmpty()) {
      return Future.succeededFuture(new JsonObject());
    }
    return ctx.vertx().executeBlocking(() -> {
      StoreStats st = store.get().stats();
      JsonObject j = new JsonObject();
      new TreeMap<>(st.rocksdb()).forEach(j::put);
      return j.put("last_commit_seq", st.lastCommitSeq());
    }, false);
  }
}
