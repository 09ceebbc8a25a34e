package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Deploys, stops and restarts this coordinator's {@link SnapshotWorker}. A stopped worker is
 * restarted by {@link #check()} (timer or test) no sooner than {@code restartDelayMillis}
 * after its previous start, while {@code enable_wdr_snapshot} is on. Thread-safe.
 */
public final class WorkerSupervisor {

  private final Vertx vertx;
  private final Clock clock;
  private final WdrSettings settings;
  private final WdrOptions options;
  private final Supplier<SnapshotWorker> factory;

  private WorkerState state = WorkerState.STOPPED;
  private SnapshotWorker worker;
  private String deploymentId;
  private long lastStartMillis = Long.MIN_VALUE / 2;
  private Future<Void> transition = Future.succeededFuture();
  private long timer = -1;
  private String nodeName = "";

  public WorkerSupervisor(Vertx vertx, Clock clock, WdrSettings settings, WdrOptions options,
      Supplier<SnapshotWorker> factory) {
    this.vertx = vertx;
    this.clock = clock;
    this.settings = settings;
    this.options = options;
    this.factory = factory;
  }

  /**
   * Publishes state changes of this node's worker on {@link WdrService#WORKERS_ADDRESS}: {@code
   * node, state, at} and what the restart rule needs ({@code last_start, restart_delay_ms}).
   */
  public synchronized void publishAs(String node) {
    this.nodeName = node;
  }

  private void setState(WorkerState s) {
    state = s;
    if (!nodeName.isEmpty()) {
      io.snapsync.core.cluster.ClusterTrust.forVertx(vertx).publish(vertx, WdrService.WORKERS_ADDRESS,
          new io.vertx.core.json.JsonObject().put("node", nodeName).put("state", s.name())
              .put("at", clock.millis()).put("last_start", lastStartMillis)
              .put("restart_delay_ms", options.restartDelayMillis()));
    }
  }

  public synchronized WorkerState state() {
    return state;
  }

  /** The running worker, or null. */
  public synchronized SnapshotWorker worker() {
    return state == WorkerState.RUNNING ? worker : null;
  }

  /** Starts the restart timer (if {@code tickMillis > 0}). */
  public synchronized void startTimer() {
    if (options.tickMillis() > 0 && timer < 0) {
      timer = vertx.setPeriodic(options.tickMillis(), t -> check());
    }
  }

  /** Deploys the worker unless one is running or starting. */
  public synchronized Future<Void> start() {
    if (state == WorkerState.RUNNING || state == WorkerState.STARTING) {
      return transition;
    }
    Future<Void> after = transition;
    setState(WorkerState.STARTING);
    lastStartMillis = clock.millis();
    SnapshotWorker w = factory.get();
    transition = after.transform(x -> vertx.deployVerticle(w)).transform(ar -> {
      synchronized (this) {
        if (ar.succeeded()) {
          worker = w;
          deploymentId = ar.result();
          setState(WorkerState.RUNNING);
          return Future.succeededFuture();
        }
        setState(WorkerState.STOPPED);
        return Future.failedFuture(ar.cause());
      }
    });
    return transition;
  }

  /** Stops the worker (waits for a snapshot in progress); succeeds when it has stopped. */
  public synchronized Future<Void> stop() {
    if (state == WorkerState.STOPPED || state == WorkerState.STOPPING) {
      return transition;
    }
    Future<Void> after = transition;
    setState(WorkerState.STOPPING);
    transition = after.transform(x -> {
      synchronized (this) {
        return deploymentId == null ? Future.<Void>succeededFuture()
            : vertx.undeploy(deploymentId);
      }
    }).transform(ar -> {
      synchronized (this) {
        worker = null;
        deploymentId = null;
        setState(WorkerState.STOPPED);
      }
      return ar.succeeded() ? Future.<Void>succeededFuture()
          : Future.<Void>failedFuture(ar.cause());
    });
    return transition;
  }

  /** Restarts a stopped worker when allowed; returns the start in progress, if any. */
  public synchronized Future<Void> check() {
    if (state == WorkerState.STOPPED && settings.enabled()
        && clock.millis() - lastStartMillis >= options.restartDelayMillis()) {
      return start();
    }
    return state == WorkerState.STARTING ? transition : Future.succeededFuture();
  }

  /** Cancels the timer and stops the worker (node shutdown). */
  public Future<Void> close() {
    synchronized (this) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
    return stop();
  }
}
