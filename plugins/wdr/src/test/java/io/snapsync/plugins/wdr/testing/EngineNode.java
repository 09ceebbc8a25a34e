package io.snapsync.plugins.wdr.testing;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.plugin.ExtensionContextImpl;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.snapsync.core.sql.Database;
import io.snapsync.core.testing.TestServices;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.impl.WdrExtension;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One coordinator-and-data node with the real SQL engine over a real RocksDB store, real
 * sessions and the real {@code wdr} extension (timers off): tests run SQL and take snapshots.
 */
public final class EngineNode implements AutoCloseable {

  public final Vertx vertx;
  public final MutableClock clock;
  public final NodeServicesImpl services;
  private final Store store;
  private final Database db;
  private final SessionManagerImpl sessions;
  private final WdrExtension wdr = new WdrExtension();

  public EngineNode(Path dir, String name) {
    vertx = Vertx.vertx();
    clock = new MutableClock(1767225600000L);
    services = TestServices.builder(vertx, dir).clock(clock)
        .node(new NodeInfo(name, true, true)).service(Clock.class, clock).build();
    store = Store.open(StoreOptions.defaults(dir.resolve("db")).withKvSpaces(Database.KV_SPACES)
        .withSyncCommits(false).withClock(clock));
    services.registerService(Store.class, store);
    db = Database.open(store, services);
    sessions = SessionManagerImpl.create(services, db);
    ExtensionContextImpl ctx = new ExtensionContextImpl(services,
        new JsonObject().put("tickMillis", 0), new io.snapsync.core.plugin.Collectors(),
        () -> Optional.<SessionManager>of(sessions));
    wdr.register(ctx);
    wdr.start(ctx).await();
  }

  public WdrService wdr() {
    return wdr.node().service();
  }

  /** A session of the admin user; {@code lcMessages} null for the default language. */
  public Session session(String lcMessages) {
    JsonObject options = lcMessages == null ? new JsonObject()
        : new JsonObject().put("lc_messages", lcMessages);
    return sessions.open(TestServices.ADMIN, TestServices.ADMIN_PASSWORD, options).await();
  }

  /** Runs {@code sql} and returns its last result. */
  public static StatementResult exec(Session s, String sql) {
    List<StatementResult> r = s.execute(sql).await();
    return r.get(r.size() - 1);
  }

  /** Runs {@code sql} expecting a failure, and returns it. */
  public static Throwable fails(Session s, String sql) {
    return s.execute(sql).transform(ar -> Future.succeededFuture(ar.cause())).await();
  }

  /** The text a client in {@code lc} reads for {@code e} (the node's catalog). */
  public String text(io.snapsync.core.error.SnapsyncException e, String lc) {
    return e.render(services.catalog(), lc);
  }

  public long snapshot() {
    return wdr().requestSnapshot("t").await().outcome().await().snapshotId();
  }

  @Override
  public void close() {
    sessions.closeAll().await();
    wdr.stop().await();
    db.close();
    store.close();
    vertx.close().await();
  }
}
