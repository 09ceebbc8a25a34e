package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.plugin.ExtensionContextImpl;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.sql.Database;
import io.snapsync.core.testing.TestServices;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered SQL function (core built-ins and the wdr extension's) called with NULL
 * arguments through a real SQL session: a STRICT function answers NULL, one that gives NULL a
 * documented meaning (generate_wdr_report: 22023, kill_snapshot: local) keeps it, any other
 * fails with 22004 and a catalog text, and no call reaches the client as a Java exception.
 */
class NullArgumentsTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private NodeServicesImpl services;
  private Store store;
  private Database db;
  private SessionManagerImpl sessions;
  private WdrExtension wdr;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    MutableClock clock = new MutableClock(1767225600000L);
    services = TestServices.builder(vertx, dir).clock(clock)
        .node(new NodeInfo("cn1", true, true)).service(Clock.class, clock).build();
    store = Store.open(StoreOptions.defaults(dir.resolve("db")).withKvSpaces(Database.KV_SPACES)
        .withSyncCommits(false).withClock(clock));
    services.registerService(Store.class, store);
    db = Database.open(store, services);
    sessions = SessionManagerImpl.create(services, db);
    ExtensionContextImpl ctx = new ExtensionContextImpl(services,
        new JsonObject().put("tickMillis", 0), new io.snapsync.core.plugin.Collectors(),
        () -> java.util.Optional.<io.snapsync.core.session.SessionManager>of(sessions));
    wdr = new WdrExtension();
    wdr.register(ctx);
    wdr.start(ctx).await();
  }

  @AfterEach
  void stop() {
    sessions.closeAll().await();
    wdr.stop().await();
    db.close();
    store.close();
    vertx.close().await();
  }

  private Session admin() {
    return sessions.open(TestServices.ADMIN, TestServices.ADMIN_PASSWORD, new JsonObject())
        .await();
  }

  private static String sample(FunctionParam p) {
    return p.type() == DataType.TEXT ? "'x'" : p.type() == DataType.BOOL ? "true" : "1";
  }

  /** Runs {@code sql}: its single value, or the error it failed with. */
  private static Object run(Session s, String sql) {
    try {
      List<StatementResult> r = s.execute(sql).await();
      return r.get(r.size() - 1).rows().get(0).get(0);
    } catch (SnapsyncException e) {
      return e;
    }
  }

  private void assertNoJavaText(String sql, SnapsyncException e) {
    String text = services.catalog().render("en", e.message());
    assertFalse(e.sqlState().equals("XX000"), sql + ": " + text);
    assertFalse(text.contains("Exception") || text.contains("java.")
        || text.contains("Cannot invoke") || text.contains("because \""),
        sql + ": " + text);
  }

  @Test
  void theNamedDefectsAreFixed() {
    Session s = admin();
    assertNull(run(s, "SELECT current_setting(NULL)"));
    Object drop = run(s, "SELECT drop_wdr_baseline(NULL)");
    assertEquals("22004", ((SnapsyncException) drop).sqlState());
    assertEquals("null value not allowed for parameter \"name\" of function drop_wdr_baseline()",
        services.catalog().render("en", ((SnapsyncException) drop).message()));
    Object create = run(s, "SELECT create_wdr_baseline(NULL, NULL, NULL)");
    assertEquals("22004", ((SnapsyncException) create).sqlState());
  }

  @Test
  void everyFunctionWithNullArgumentsFollowsPostgresRules() {
    Session s = admin();
    List<SqlFunction> all = new ArrayList<>(services.functions().all());
    assertTrue(all.stream().anyMatch(f -> f.name().equals("generate_wdr_report")));
    int calls = 0;
    for (SqlFunction f : all) {
      List<FunctionParam> params = f.params();
      if (params.isEmpty()) {
        continue;
      }
      String nulls = String.join(", ", java.util.Collections.nCopies(params.size(), "NULL"));
      String sql = "SELECT " + f.name() + "(" + nulls + ")";
      Object r = run(s, sql);
      calls++;
      if (f.callOnNull()) {
        // the function gives NULL its documented meaning; an error is still a clean one
        if (r instanceof SnapsyncException e) {
          assertNoJavaText(sql, e);
        }
      } else if (f.strict()) {
        assertNull(r, sql);
      } else {
        assertTrue(r instanceof SnapsyncException, sql + " returned " + r);
        SnapsyncException e = (SnapsyncException) r;
        assertTrue(Set.of("22004", "22023").contains(e.sqlState()), sql + ": " + e.sqlState());
        assertNoJavaText(sql, e);
      }
      // each argument NULL alone, the others plausible values
      for (int i = 0; i < params.size(); i++) {
        List<String> args = new ArrayList<>();
        for (int j = 0; j < params.size(); j++) {
          args.add(j == i ? "NULL" : sample(params.get(j)));
        }
        String one = "SELECT " + f.name() + "(" + String.join(", ", args) + ")";
        Object o = run(s, one);
        calls++;
        if (o instanceof SnapsyncException e) {
          assertNoJavaText(one, e);
        } else if (f.strict() && !f.callOnNull() && !params.get(i).acceptsNull()) {
          assertNull(o, one);
        }
      }
    }
    assertTrue(calls >= 20, "calls: " + calls);
  }
}
