package io.snapsync.plugins.pgwire.support;

import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.snapsync.core.sql.Database;
import io.snapsync.core.testing.TestServices;
import io.snapsync.plugins.pgwire.PgWireExtension;
import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.plugins.pgwire.api.LoginLimits;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.api.PgWireServer;
import io.snapsync.plugins.pgwire.impl.PgWireServerImpl;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real snapsync coordinator for protocol tests: real node services (users file with the
 * {@link TestServices} users, settings, catalog), a real RocksDB store in a temp dir, the SQL
 * database and session manager, and the PostgreSQL listener on a free loopback port.
 */
public final class SnapsyncFixture implements AutoCloseable {

  public static final String ADMIN = TestServices.ADMIN;
  public static final String ADMIN_PASSWORD = TestServices.ADMIN_PASSWORD;
  public static final String USER = TestServices.USER;
  public static final String USER_PASSWORD = TestServices.USER_PASSWORD;

  public final Vertx vertx;
  public final NodeServicesImpl services;
  public final SessionManagerImpl sessions;
  private final Store store;
  private final Database database;
  private final PgWireServer server;
  private final List<PgWireServer> extra = new CopyOnWriteArrayList<>();
  private io.snapsync.core.login.LoginThrottle throttle;

  private SnapsyncFixture(Vertx vertx, NodeServicesImpl services, Store store, Database db,
      SessionManagerImpl sessions, PgWireServer server) {
    this.vertx = vertx;
    this.services = services;
    this.store = store;
    this.database = db;
    this.sessions = sessions;
    this.server = server;
  }

  /** Starts a node in {@code dir}; {@code authentication} as in {@link PgWireOptions}. */
  public static SnapsyncFixture start(Path dir, String authentication) {
    return start(dir, new PgWireOptions("127.0.0.1", 0, authentication, 1024 * 1024));
  }

  /** Starts a node in {@code dir} with the listener configured by {@code options}. */
  public static SnapsyncFixture start(Path dir, PgWireOptions options) {
    return start(dir, options, ConnectionLimits.defaults());
  }

  /** Starts a node whose listener applies {@code limits}. */
  public static SnapsyncFixture start(Path dir, PgWireOptions options, ConnectionLimits limits) {
    return start(dir, options, limits, LoginLimits.defaults(), java.time.Clock.systemUTC());
  }

  /** Starts a node whose listener applies {@code limits} and {@code logins} by {@code clock}. */
  public static SnapsyncFixture start(Path dir, PgWireOptions options, ConnectionLimits limits,
      LoginLimits logins, java.time.Clock clock) {
    return start(dir, options, limits, logins, clock, Vertx.vertx());
  }

  /** Starts a node on {@code vertx} (e.g. one with a strict blocked-thread checker). */
  public static SnapsyncFixture start(Path dir, PgWireOptions options, Vertx vertx) {
    return start(dir, options, ConnectionLimits.defaults(), LoginLimits.defaults(),
        java.time.Clock.systemUTC(), vertx);
  }

  private static SnapsyncFixture start(Path dir, PgWireOptions options, ConnectionLimits limits,
      LoginLimits logins, java.time.Clock clock, Vertx vertx) {
    NodeServicesImpl services = TestServices.create(vertx, dir);
    services.catalog().addBundle(PgWireExtension.class.getClassLoader(), PgWireExtension.CATALOG);
    Store store = Store.open(StoreOptions.defaults(dir.resolve("db"))
        .withKvSpaces(Database.KV_SPACES).withSyncCommits(false).withLockTimeoutMillis(5000));
    Database db = Database.open(store, services);
    SessionManagerImpl sessions = SessionManagerImpl.create(services, db);
    // one throttle for the node, as Node registers it for every way in
    io.snapsync.core.login.LoginThrottle throttle = PgWireServerImpl.throttle(logins, clock);
    services.registerService(io.snapsync.core.login.LoginThrottle.class, throttle);
    PgWireServer server = PgWireServerImpl.start(vertx, options, services.catalog(),
        services.users(), Optional.of(sessions), () -> limits, throttle).await();
    SnapsyncFixture f = new SnapsyncFixture(vertx, services, store, db, sessions, server);
    f.throttle = throttle;
    return f;
  }

  /** Starts a second listener on this node (same users and sessions), closed with it. */
  public PgWireServer listen(PgWireOptions options) {
    PgWireServer s = PgWireServerImpl.start(vertx, options, services.catalog(),
        services.users(), Optional.of(sessions), ConnectionLimits::defaults, throttle).await();
    extra.add(s);
    return s;
  }

  public int port() {
    return server.port();
  }

  /** The listener started with the node. */
  public PgWireServer server() {
    return server;
  }

  @Override
  public void close() {
    extra.forEach(s -> s.close().await());
    server.close().await();
    sessions.closeAll().await();
    database.close();
    store.close();
    vertx.close().await();
  }
}
