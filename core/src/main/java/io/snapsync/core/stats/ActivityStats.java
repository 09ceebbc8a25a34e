package io.snapsync.core.stats;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cumulative activity counters of one node, fed by sessions and transactions and read by WDR
 * collectors. Counters only grow until {@link #reset}; readers take differences between two
 * snapshots. Thread-safe and cheap on the hot path (LongAdder, one map lookup per statement).
 *
 * <p>The statement table is bounded ({@link #maxStatements}); past the bound new statements are
 * counted under {@code <other>}.
 */
public final class ActivityStats {

  /** Statement table bound, as {@code pg_stat_statements.max}. */
  public final int maxStatements;

  private final Clock clock;
  private final long startMillis;
  private volatile long resetMillis;

  private final LongAdder sessionsOpened = new LongAdder();
  private final LongAdder sessionsClosed = new LongAdder();
  private final LongAdder loginFailures = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final LongAdder rollbacks = new LongAdder();
  private final LongAdder exports = new LongAdder();
  private final LongAdder imports = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<String, LongAdder[]> waits = new ConcurrentHashMap<>();
  private final Map<String, Entry> statements = new ConcurrentHashMap<>();
  private final ObjectStats objects = new ObjectStats();
  private final PhaseStats phases = new PhaseStats();

  public ActivityStats(Clock clock, int maxStatements) {
    this.clock = clock;
    this.maxStatements = maxStatements;
    this.startMillis = clock.millis();
    this.resetMillis = startMillis;
  }

  public void sessionOpened() {
    sessionsOpened.increment();
  }

  public void sessionClosed() {
    sessionsClosed.increment();
  }

  public void loginFailed() {
    loginFailures.increment();
  }

  public void committed() {
    commits.increment();
  }

  public void rolledBack() {
    rollbacks.increment();
  }

  public void snapshotExported() {
    exports.increment();
  }

  public void snapshotImported() {
    imports.increment();
  }

  public void error(String sqlState) {
    errors.computeIfAbsent(sqlState, k -> new LongAdder()).increment();
  }

  /** Time spent waiting on {@code event} (e.g. {@code Lock:row}, {@code IO:commit}). */
  public void waited(String event, long nanos) {
    LongAdder[] w = waits.computeIfAbsent(event, k -> new LongAdder[] {new LongAdder(),
        new LongAdder()});
    w[0].increment();
    w[1].add(nanos);
  }

  /** One run of a statement ({@code query} already normalized). */
  public void statement(String query, String kind, long nanos, long rows) {
    Entry e = statements.get(query);
    if (e == null) {
      String key = statements.size() >= maxStatements ? "<other>" : query;
      e = statements.computeIfAbsent(key, k -> new Entry(kind));
    }
    e.record(nanos, rows);
  }

  /** Per-table and per-index access counters ({@code pg_stat_user_tables}). */
  public ObjectStats objects() {
    return objects;
  }

  /** Parse and plan times, plan-cache hits, commit latency buckets. */
  public PhaseStats phases() {
    return phases;
  }

  public long startMillis() {
    return startMillis;
  }

  /** When counters were last reset (the "statistics reset time" of a report). */
  public long resetMillis() {
    return resetMillis;
  }

  /** Zeroes every counter and moves the reset time to now. */
  public void reset() {
    for (LongAdder a : List.of(sessionsOpened, sessionsClosed, loginFailures, commits, rollbacks,
        exports, imports)) {
      a.reset();
    }
    errors.clear();
    waits.clear();
    statements.clear();
    objects.reset();
    phases.reset();
    resetMillis = clock.millis();
  }

  public long sessionsOpened() {
    return sessionsOpened.sum();
  }

  public long sessionsClosed() {
    return sessionsClosed.sum();
  }

  public long loginFailures() {
    return loginFailures.sum();
  }

  public long commits() {
    return commits.sum();
  }

  public long rollbacks() {
    return rollbacks.sum();
  }

  public long snapshotsExported() {
    return exports.sum();
  }

  public long snapshotsImported() {
    return imports.sum();
  }

  /** SQLSTATE to count, sorted. */
  public Map<String, Long> errors() {
    Map<String, Long> m = new TreeMap<>();
    errors.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  /** Wait event to {count, total nanos}, sorted. */
  public Map<String, long[]> waits() {
    Map<String, long[]> m = new TreeMap<>();
    waits.forEach((k, v) -> m.put(k, new long[] {v[0].sum(), v[1].sum()}));
    return m;
  }

  public List<StatementStats> statements() {
    List<StatementStats> out = new ArrayList<>(statements.size());
    statements.forEach((q, e) -> out.add(e.toStats(q)));
    return out;
  }

  private static final class Entry {
    final String kind;
    final LongAdder calls = new LongAdder();
    final LongAdder total = new LongAdder();
    final LongAdder rows = new LongAdder();
    final AtomicLong max = new AtomicLong();

    Entry(String kind) {
      this.kind = kind;
    }

    void record(long nanos, long r) {
      calls.increment();
      total.add(nanos);
      rows.add(r);
      max.accumulateAndGet(nanos, Math::max);
    }

    StatementStats toStats(String q) {
      return new StatementStats(q, kind, calls.sum(), total.sum(), max.get(), rows.sum());
    }
  }
}
