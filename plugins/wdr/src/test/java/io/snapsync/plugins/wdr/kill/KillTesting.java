package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.Node;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.snapsync.plugins.wdr.impl.WdrServiceImpl;
import io.snapsync.plugins.wdr.impl.WorkerSupervisor;
import io.snapsync.plugins.wdr.testing.Call;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BooleanSupplier;

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

  /** Waits (polling a Vert.x timer, at most 30 s) until {@code condition} holds. */
  static void await(Vertx vertx, BooleanSupplier condition, String what) {
    Promise<Void> p = Promise.promise();
    long poll = vertx.setPeriodic(20, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        p.tryComplete();
      }
    });
    vertx.setTimer(30_000, id -> {
      vertx.cancelTimer(poll);
      p.tryFail("timed out waiting for " + what);
    });
    p.future().await();
  }
}
