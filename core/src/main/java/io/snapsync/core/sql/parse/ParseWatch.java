package io.snapsync.core.sql.parse;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounds one run of a backtracking grammar: a shared timer polls the statement's cancel flag
 * and the parse budget, and when either trips it calls {@code stop} (JSqlParser's
 * {@code interrupted} flag, which its productions check). One daemon thread serves every
 * parse; a parse that finishes first cancels its poll.
 */
final class ParseWatch implements AutoCloseable {

  /** CPU a single statement's parse may take before it is stopped as too complex. */
  static final long BUDGET_MS = 1_000;
  static final long POLL_MS = 10;

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "snapsync-parse-watch");
        t.setDaemon(true);
        return t;
      });

  private final ScheduledFuture<?> poll;
  private volatile boolean overBudget;
  private volatile boolean canceled;

  private ParseWatch(BooleanSupplier cancel, Runnable stop) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MS);
    this.poll = TIMER.scheduleWithFixedDelay(() -> {
      if (cancel.getAsBoolean()) {
        canceled = true;
        stop.run();
      } else if (System.nanoTime() > deadline) {
        overBudget = true;
        stop.run();
      }
    }, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
  }

  static ParseWatch start(BooleanSupplier cancel, Runnable stop) {
    return new ParseWatch(cancel, stop);
  }

  /** True when the parse was stopped because the statement was cancelled. */
  boolean canceled() {
    return canceled;
  }

  /** True when the parse was stopped because it ran past {@link #BUDGET_MS}. */
  boolean overBudget() {
    return overBudget;
  }

  @Override
  public void close() {
    poll.cancel(false);
  }
}
