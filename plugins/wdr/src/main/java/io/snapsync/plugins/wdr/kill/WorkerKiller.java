package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.cluster.ClusterMembership;
import io.snapsync.core.cluster.ClusterNode;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.kill.KillReport.Result;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops snapshot workers through their nodes' worker control addresses
 * ({@link WdrService#CONTROL_ADDRESS_PREFIX}{@code + node}) and waits, at most the bound, for
 * each to acknowledge that its worker has stopped. A node that answers a {@code state} probe
 * but not the stop within the bound "did not stop"; one that answers nothing "did not
 * answer"; one that leaves the cluster while awaited is reported at once as "left".
 * Thread-safe; the returned futures never fail.
 */
public final class WorkerKiller {

  private final Vertx vertx;
  private final ClusterMembership membership;

  public WorkerKiller(Vertx vertx, ClusterMembership membership) {
    this.vertx = vertx;
    this.membership = membership;
  }

  /** Stops the worker of this node only. */
  public Future<KillReport> killLocal(String nodeName, long timeoutMillis) {
    ClusterNode self = new ClusterNode(nodeName, "coordinator", "", membership.selfId(), true,
        true);
    return kill(List.of(self), timeoutMillis);
  }

  /** Stops the workers of every live coordinator of the cluster, this one included. */
  public Future<KillReport> killGlobal(long timeoutMillis) {
    return membership.liveCoordinators().compose(cns -> kill(cns, timeoutMillis));
  }

  /** Stops the workers of {@code targets}. */
  public Future<KillReport> kill(List<ClusterNode> targets, long timeoutMillis) {
    Map<String, Future<Result>> results = new LinkedHashMap<>();
    Map<String, Promise<Result>> byId = new LinkedHashMap<>();
    List<Long> timers = new ArrayList<>();
    for (ClusterNode n : targets) {
      Promise<Result> p = Promise.promise();
      results.put(n.name(), p.future());
      if (n.nodeId() != null) {
        byId.put(n.nodeId(), p);
      }
      if (!n.local() && n.nodeId() != null && !membership.isLive(n.nodeId())) {
        p.tryComplete(Result.LEFT);
        continue;
      }
      stopOne(n, timeoutMillis, p);
      // Backstop: every result is settled by the bound even if the event bus never answers.
      timers.add(vertx.setTimer(timeoutMillis + 1000, t -> p.tryComplete(Result.NO_ANSWER)));
    }
    Runnable unlisten = membership.onLeave(id -> {
      Promise<Result> p = byId.get(id);
      if (p != null) {
        p.tryComplete(Result.LEFT);
      }
    });
    return Future.join(new ArrayList<>(results.values())).transform(x -> {
      unlisten.run();
      timers.forEach(vertx::cancelTimer);
      Map<String, Result> out = new LinkedHashMap<>();
      results.forEach((name, f) -> out.put(name, f.result()));
      return Future.succeededFuture(new KillReport(out, timeoutMillis));
    });
  }

  private void stopOne(ClusterNode n, long timeoutMillis, Promise<Result> p) {
    String address = WdrService.CONTROL_ADDRESS_PREFIX + n.name();
    DeliveryOptions probe = new DeliveryOptions().setSendTimeout(Math.min(timeoutMillis, 5000));
    DeliveryOptions stop = new DeliveryOptions().setSendTimeout(timeoutMillis);
    boolean[] answered = {false};
    var trust = io.snapsync.core.cluster.ClusterTrust.forVertx(vertx);
    trust.<JsonObject>request(vertx, address, new JsonObject().put("action", "state"), probe)
        .onSuccess(m -> {
          synchronized (answered) {
            answered[0] = true;
          }
        });
    trust.<JsonObject>request(vertx, address, new JsonObject().put("action", "stop"), stop)
        .onComplete(ar -> {
          if (ar.succeeded()) {
            p.tryComplete(Result.STOPPED);
            return;
          }
          boolean a;
          synchronized (answered) {
            a = answered[0];
          }
          if (ar.cause() instanceof ReplyException re) {
            if (re.failureType() == ReplyFailure.NO_HANDLERS) {
              p.tryComplete(Result.NO_ANSWER);
              return;
            }
            if (re.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
              p.tryComplete(Result.NOT_STOPPED);
              return;
            }
          }
          p.tryComplete(a ? Result.NOT_STOPPED : Result.NO_ANSWER);
        });
  }
}
