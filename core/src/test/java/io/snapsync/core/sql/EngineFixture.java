package io.snapsync.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.snapsync.core.testing.TestServices;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real engine for tests: Vert.x, node services with test users, a RocksDB store in a temp
 * directory, the database and the session manager. Close it at the end of the test.
 */
public final class EngineFixture implements AutoCloseable {

  public final Vertx vertx;
  public final NodeServicesImpl services;
  public final Store store;
  public final Database db;
  public final SessionManagerImpl sessions;

  private EngineFixture(Vertx vertx, NodeServicesImpl services, Store store) {
    this.vertx = vertx;
    this.services = services;
    this.store = store;
    this.db = Database.open(store, services);
    this.sessions = SessionManagerImpl.create(services, db);
  }

  public static EngineFixture start(Path dir) {
    return start(dir, Clock.systemUTC());
  }

  public static EngineFixture start(Path dir, Clock clock) {
    Vertx vertx = Vertx.vertx();
    NodeServicesImpl services = TestServices.builder(vertx, dir).clock(clock).build();
    Store store = Store.open(StoreOptions.defaults(dir.resolve("db"))
        .withKvSpaces(Database.KV_SPACES).withSyncCommits(false).withClock(clock));
    return new EngineFixture(vertx, services, store);
  }

  /** A session of the ordinary test user. */
  public Session session() {
    return session(TestServices.USER, TestServices.USER_PASSWORD);
  }

  public Session session(String user, String password) {
    return await(sessions.open(user, password, new JsonObject()));
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new RuntimeException(e.getCause());
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  /** Runs {@code sql} (one or more statements) and returns the last result. */
  public static StatementResult exec(Session s, String sql) {
    List<StatementResult> r = await(s.execute(sql));
    return r.get(r.size() - 1);
  }

  /** The single value of a one-row, one-column result. */
  public static Object value(Session s, String sql) {
    StatementResult r = exec(s, sql);
    assertEquals(1, r.rows().size(), "rows of " + sql);
    return r.rows().get(0).get(0);
  }

  /** Runs {@code sql}, which must fail with {@code sqlState}; returns the exception. */
  public static SnapsyncException fails(Session s, String sql, String sqlState) {
    try {
      await(s.execute(sql));
    } catch (SnapsyncException e) {
      assertEquals(sqlState, e.sqlState(), () -> "state of " + sql + ": " + e.getMessage());
      return e;
    }
    return fail("expected " + sqlState + " from " + sql);
  }

  /** English text of an exception. */
  public static String text(SnapsyncException e) {
    return e.getMessage();
  }

  public String render(io.snapsync.core.error.Message m) {
    return services.catalog().render("en", m);
  }

  @Override
  public void close() {
    await(sessions.closeAll());
    db.close();
    store.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      assertTrue(false, "vertx close: " + e);
    }
  }
}
