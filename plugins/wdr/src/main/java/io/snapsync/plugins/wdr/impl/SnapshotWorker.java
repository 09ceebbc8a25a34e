package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.repository.Repository;
import io.snapsync.core.error.Message;
import io.snapsync.plugins.wdr.api.Outcome;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot worker of one coordinator. Manual requests arrive on its queue
 * ({@link #address}); one snapshot runs at a time; requests arriving while one runs wait as
 * the next group, later ones merge into that group. The worker holding the cluster-wide lock
 * {@value #PERIODIC_LOCK} takes the periodic snapshots on the grid {@code k * interval}
 * (epoch aligned, so a successor keeps the schedule); manual snapshots do not move it; a
 * periodic snapshot due while one runs is skipped and recorded.
 *
 * <p>All state is confined to the verticle's context. {@link #tick()} is driven by a timer
 * ({@code tickMillis}) or by tests with an injected clock.
 */
public final class SnapshotWorker extends VerticleBase {

  public static final String PERIODIC_LOCK = "snapsync.wdr.periodic";
  public static final String PERIODIC_USER = "periodic";

  /** Outcome futures kept for late callers of {@link #outcome}, by request token. */
  private static final int KEPT_OUTCOMES = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotWorker.class);

  private final String nodeName;
  private final Clock clock;
  private final WdrSettings settings;
  private final WdrOptions options;
  private final SnapshotTaker taker;
  private final Repository repository;
  private final Map<Long, Promise<RequestOutcome>> waiting = new ConcurrentHashMap<>();
  private final AtomicLong tokens = new AtomicLong();

  private MessageConsumer<JsonObject> queue;
  private long timer = -1;
  private List<Req> running;
  private Future<Void> runningDone = Future.succeededFuture();
  private List<Req> pending;
  private Lock periodicLock;
  private boolean acquiring;
  private long intervalMillis;
  private long nextDueMillis = -1;
  private boolean stopping;

  private record Req(long token, long at, String by) {
  }

  public SnapshotWorker(String nodeName, Clock clock, WdrSettings settings, WdrOptions options,
      SnapshotTaker taker, Repository repository) {
    this.nodeName = nodeName;
    this.clock = clock;
    this.settings = settings;
    this.options = options;
    this.taker = taker;
    this.repository = repository;
  }

  /** The worker's request queue on this node. */
  public static String address(String node) {
    return "snapsync.wdr.worker." + node;
  }

  @Override
  public Future<?> start() {
    queue = vertx.eventBus().localConsumer(address(nodeName), this::onRequest);
    if (options.tickMillis() > 0) {
      timer = vertx.setPeriodic(options.tickMillis(), t -> doTick());
    }
    return queue.completion();
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    Future<Void> unreg = queue.unregister();
    List<RequestOutcome> failed = new ArrayList<>();
    if (pending != null) {
      pending.forEach(r -> failed.add(outcome(r, Outcome.FAILED,
          Message.of("wdr.request.worker_stopped"), 0)));
    }
    List<Req> cancelled = pending;
    pending = null;
    Future<Void> rec = cancelled == null ? Future.succeededFuture()
        : record(cancelled, failed);
    return Future.join(unreg, rec, runningDone).transform(x -> releaseLock());
  }

  /** Whether this worker holds the periodic role. Confined to the context; for tests. */
  public Future<Boolean> isPeriodicLeader() {
    return onContext(() -> Future.succeededFuture(periodicLock != null));
  }

  /** The next periodic due time (epoch millis), -1 if none. For tests and the console. */
  public Future<Long> nextDueMillis() {
    return onContext(() -> Future.succeededFuture(nextDueMillis));
  }

  /** The outcome of the request with {@code token} (from the queue's reply). */
  public Future<RequestOutcome> outcome(long token) {
    Promise<RequestOutcome> p = waiting.get(token);
    return p == null ? Future.failedFuture("unknown request " + token) : p.future();
  }

  /**
   * Tries to take the periodic role if free, then takes the periodic snapshot if due; the
   * future completes when any snapshot this tick started has been stored and recorded.
   */
  public Future<Void> tick() {
    return onContext(this::doTick);
  }

  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(p));
    return p.future();
  }

  private Future<Void> doTick() {
    if (stopping) {
      return Future.succeededFuture();
    }
    Future<Void> lead = periodicLock != null || acquiring ? Future.succeededFuture() : tryLead();
    return lead.compose(v -> periodicLock == null ? Future.succeededFuture() : periodic());
  }

  private Future<Void> tryLead() {
    acquiring = true;
    return vertx.sharedData().getLockWithTimeout(PERIODIC_LOCK, options.leaderLockWaitMillis())
        .compose(lock -> {
          if (stopping) {
            lock.release();
            return Future.succeededFuture();
          }
          periodicLock = lock;
          LOG.info("node {} takes the periodic WDR snapshots", nodeName);
          return repository.list().map(l -> {
            long last = -1;
            for (SnapshotInfo s : l) {
              if ("periodic".equals(s.trigger())) {
                last = Math.max(last, s.startMillis());
              }
            }
            intervalMillis = settings.intervalMillis();
            nextDueMillis = gridAfter(last >= 0 ? last : clock.millis());
            return (Void) null;
          }).recover(e -> {
            intervalMillis = settings.intervalMillis();
            nextDueMillis = gridAfter(clock.millis());
            return Future.succeededFuture();
          });
        }, e -> Future.succeededFuture())
        .eventually(() -> {
          acquiring = false;
          return Future.succeededFuture();
        });
  }

  private Future<Void> periodic() {
    long now = clock.millis();
    long interval = settings.intervalMillis();
    if (interval != intervalMillis) {
      intervalMillis = interval;
      nextDueMillis = gridAfter(now);
    }
    if (!settings.enabled() || now < nextDueMillis) {
      return Future.succeededFuture();
    }
    long due = nextDueMillis;
    nextDueMillis = gridAfter(now);
    Req r = new Req(0, due, PERIODIC_USER);
    if (running != null) {
      return record(List.of(r), List.of(outcome(r, Outcome.SKIPPED,
          Message.of("wdr.request.snapshot_running"), 0)));
    }
    return run(new ArrayList<>(List.of(r)), "periodic");
  }

  private long gridAfter(long t) {
    return (Math.floorDiv(t, intervalMillis) + 1) * intervalMillis;
  }

  private void onRequest(io.vertx.core.eventbus.Message<JsonObject> m) {
    if (stopping) {
      m.fail(503, "snapshot worker stopping");
      return;
    }
    long token = tokens.incrementAndGet();
    waiting.put(token, Promise.promise());
    waiting.remove(token - KEPT_OUTCOMES);
    Req r = new Req(token, m.body().getLong("at", clock.millis()),
        m.body().getString("by", "unknown"));
    m.reply(new JsonObject().put("token", token));
    if (running == null) {
      run(new ArrayList<>(List.of(r)), "manual");
    } else if (pending == null) {
      pending = new ArrayList<>(List.of(r));
    } else {
      pending.add(r);
    }
  }

  /** Takes a snapshot for {@code group}: the first request is taken, the rest merged. */
  private Future<Void> run(List<Req> group, String trigger) {
    running = group;
    Promise<Void> done = Promise.promise();
    runningDone = done.future();
    List<RequestOutcome> served = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      served.add(outcome(group.get(i), i == 0 ? Outcome.TAKEN : Outcome.MERGED, null, 0));
    }
    // the outcomes of a taken snapshot are written in its batch; only failures on their own
    taker.take(trigger, served).transform(ar -> {
      if (ar.succeeded()) {
        resolve(group, ar.result().outcomes());
        return Future.<Void>succeededFuture();
      }
      LOG.warn("WDR snapshot failed on {}", nodeName, ar.cause());
      List<RequestOutcome> out = new ArrayList<>();
      for (Req r : group) {
        out.add(outcome(r, Outcome.FAILED, Message.of("wdr.request.failed",
            NodeCollector.reason(ar.cause())), 0));
      }
      return record(group, out);
    }).onComplete(x -> {
      running = null;
      done.complete();
      if (pending != null && !stopping) {
        List<Req> next = pending;
        pending = null;
        run(next, "manual");
      }
    });
    return runningDone;
  }

  private RequestOutcome outcome(Req r, Outcome o, Message reason, long snapshotId) {
    return new RequestOutcome(0, r.at(), r.by(), nodeName, o, reason, snapshotId);
  }

  /** Completes the waiters of {@code group} with their recorded outcomes. */
  private void resolve(List<Req> group, List<RequestOutcome> recorded) {
    for (int i = 0; i < group.size(); i++) {
      Promise<RequestOutcome> p = waiting.get(group.get(i).token());
      if (p != null) {
        p.complete(recorded.get(i));
      }
    }
  }

  private Future<Void> record(List<Req> group, List<RequestOutcome> outcomes) {
    return repository.record(outcomes).transform(ar -> {
      resolve(group, ar.succeeded() ? ar.result() : outcomes);
      if (ar.failed()) {
        LOG.warn("cannot record WDR request outcomes", ar.cause());
      }
      return Future.succeededFuture();
    });
  }

  private Future<Void> releaseLock() {
    if (periodicLock != null) {
      periodicLock.release();
      periodicLock = null;
    }
    return Future.succeededFuture();
  }
}
