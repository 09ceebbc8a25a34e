package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.Node;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.snapsync.plugins.wdr.impl.WdrServiceImpl;
import io.snapsync.plugins.wdr.impl.WorkerSupervisor;
import io.snapsync.plugins.wdr.testing.Call;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Helpers of the kill tests: function calls on real nodes and waits without sleeping. */
final class KillTesting {

  private KillTesting() {
  }

  /** Node config overrides: WDR timers off (tests drive the clock), a short kill bound. */
  static JsonObject overrides(String killTimeout) {
    return new JsonObject()
        .put("plugins", new JsonObject().put("wdr", new JsonObject().put("tickMillis", 0)
            .put("restartDelayMillis", 60_000)))
        .put("settings", new JsonObject().put(KillSettings.KILL_TIMEOUT, killTimeout));
  }

  static Object call(Node node, String user, String function, Object... args) {
    return node.services().functions().find(function).orElseThrow()
        .call(Call.of(node.services(), user, args)).await();
  }

  static Object kill(Node node, Object scope) {
    return call(node, "admin", "kill_snapshot", scope);
  }

  /** The failure of a call, rendered in English: message, then detail after a newline. */
  static String failure(Node node, String user, String function, Object... args) {
    try {
      call(node, user, function, args);
    } catch (SnapsyncException e) {
      var cat = node.services().catalog();
      String detail = e.detail() == null ? "" : "\n" + cat.render("en", e.detail());
      return e.sqlState() + " " + cat.render("en", e.message()) + detail;
    }
    throw new AssertionError(function + " did not fail");
  }

  static WdrService wdr(Node node) {
    return node.services().service(WdrService.class).orElseThrow();
  }

  static WorkerSupervisor supervisor(Node node) {
    return ((WdrServiceImpl) wdr(node)).supervisor();
  }

  static WorkerState state(Node node) {
    return wdr(node).workerState();
  }

  static List<List<Object>> table(Node node, String name) {
    return node.services().systemTables().find(name).orElseThrow()
        .rows(Call.of(node.services(), "admin")).await();
  }

  /** Waits (polling every 20 ms on a Vert.x timer, at most 60 s) until {@code condition} holds. */
  static void await(Vertx vertx, BooleanSupplier condition, String what) {
    awaitAsync(vertx, () -> Future.succeededFuture(condition.getAsBoolean()), what);
  }

  /** As {@link #await}, for a condition answered by a future. Call from the test thread. */
  static void awaitAsync(Vertx vertx, Supplier<Future<Boolean>> condition, String what) {
    long end = System.nanoTime() + 60_000_000_000L;
    while (!condition.get().otherwise(false).await()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      vertx.timer(20).await();
    }
  }
}
