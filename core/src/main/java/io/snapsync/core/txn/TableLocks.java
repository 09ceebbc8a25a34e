package io.snapsync.core.txn;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Table-definition locks in PostgreSQL's modes ({@link TableLockMode}), held by a transaction
 * (its store txid) until it ends: writers hold ROW EXCLUSIVE so that CREATE INDEX (SHARE) waits
 * for every writer in flight and DROP / ALTER (ACCESS EXCLUSIVE) for every user. Requests queue
 * first come, first served; a newcomer does not pass a queued conflicting request unless it
 * already holds a lock on the table (as in PostgreSQL), and a <em>polite</em> request (CREATE
 * INDEX CONCURRENTLY) never makes newcomers wait. A request that would close a cycle of
 * table-lock waits fails at once with {@link Outcome#DEADLOCK}.
 *
 * <p>Thread-safe; no thread ever waits: a request is a future, completed on the requester's
 * Vert.x context. One instance per database.
 */
public final class TableLocks {

  /** Why a request failed. */
  public enum Outcome { DEADLOCK, CANCELED }

  /** A failed request: deadlock, or cancelled (timeout, statement cancel, transaction end). */
  public static final class LockFailure extends RuntimeException {
    private final Outcome outcome;

    LockFailure(Outcome outcome) {
      super(outcome.name(), null, false, false);
      this.outcome = outcome;
    }

    public Outcome outcome() {
      return outcome;
    }
  }

  /** One row of the lock view: who holds or waits for what (pg_locks). */
  public record LockRow(String table, long txid, TableLockMode mode, boolean granted) {
  }

  /** A pending request; {@link #cancel(Request)} withdraws it. */
  public static final class Request {
    final long owner;
    final String table;
    final TableLockMode mode;
    final boolean polite;
    final Promise<Void> promise = Promise.promise();
    final Context context = Vertx.currentContext();

    Request(long owner, String table, TableLockMode mode, boolean polite) {
      this.owner = owner;
      this.table = table;
      this.mode = mode;
      this.polite = polite;
    }

    /** Completes when granted; fails with {@link LockFailure}. */
    public Future<Void> future() {
      return promise.future();
    }
  }

  private static final class Relation {
    final Map<Long, EnumSet<TableLockMode>> granted = new LinkedHashMap<>();
    final ArrayDeque<Request> queue = new ArrayDeque<>();
  }

  private record Watch(String table, int waiters, Promise<Void> promise) {
  }

  private final Map<String, Relation> relations = new HashMap<>();
  private final Map<Long, Set<String>> held = new HashMap<>();
  private final Map<Long, Request> waiting = new HashMap<>();
  private final List<Watch> watches = new ArrayList<>();

  /**
   * Requests {@code mode} on {@code table} for transaction {@code owner}; the request is already
   * complete when granted at once (or re-entrant). A transaction waits for one lock at a time.
   */
  public Request acquire(long owner, String table, TableLockMode mode, boolean polite) {
    Request r = new Request(owner, table, mode, polite);
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      Relation rel = relations.computeIfAbsent(table, t -> new Relation());
      EnumSet<TableLockMode> mine = rel.granted.get(owner);
      boolean holdsAny = mine != null;
      if ((holdsAny && mine.contains(mode))
          || (!conflictsGranted(rel, owner, mode) && (holdsAny || !conflictsQueued(rel, r, null)))) {
        grant(rel, owner, table, mode);
        r.promise.complete();
        return r;
      }
      if (wouldDeadlock(rel, r)) {
        r.promise.fail(new LockFailure(Outcome.DEADLOCK));
        if (rel.granted.isEmpty() && rel.queue.isEmpty()) {
          relations.remove(table);
        }
        return r;
      }
      rel.queue.addLast(r);
      waiting.put(owner, r);
      checkWatches(after);
    }
    after.forEach(Runnable::run);
    return r;
  }

  /** Withdraws a pending request (it fails with CANCELED); no effect once granted. */
  public void cancel(Request r) {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      Relation rel = relations.get(r.table);
      if (rel == null || !rel.queue.remove(r)) {
        return;
      }
      waiting.remove(r.owner, r);
      fail(r, Outcome.CANCELED, after);
      wake(r.table, rel, after);
    }
    after.forEach(Runnable::run);
  }

  /** Releases every lock of {@code owner} and withdraws its pending request (transaction end). */
  public void releaseAll(long owner) {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      Request w = waiting.remove(owner);
      if (w != null) {
        Relation rel = relations.get(w.table);
        rel.queue.remove(w);
        fail(w, Outcome.CANCELED, after);
        wake(w.table, rel, after);
      }
      Set<String> tables = held.remove(owner);
      if (tables != null) {
        for (String table : tables) {
          Relation rel = relations.get(table);
          rel.granted.remove(owner);
          wake(table, rel, after);
        }
      }
    }
    after.forEach(Runnable::run);
  }

  /** Whether {@code owner} holds {@code mode} or a stronger mode on {@code table}. */
  public synchronized boolean holdsAtLeast(long owner, String table, TableLockMode mode) {
    Relation rel = relations.get(table);
    EnumSet<TableLockMode> mine = rel == null ? null : rel.granted.get(owner);
    return mine != null && mine.stream().anyMatch(m -> m.compareTo(mode) >= 0);
  }

  /** Whether {@code owner} holds exactly {@code mode} on {@code table}. */
  public synchronized boolean holds(long owner, String table, TableLockMode mode) {
    Relation rel = relations.get(table);
    EnumSet<TableLockMode> mine = rel == null ? null : rel.granted.get(owner);
    return mine != null && mine.contains(mode);
  }

  /** Whether {@code owner} holds any table lock (its release is then arranged). */
  public synchronized boolean holdsAny(long owner) {
    return held.containsKey(owner) || waiting.containsKey(owner);
  }

  /** The transactions that hold {@code table} in a mode conflicting with {@code mode}. */
  public synchronized Set<Long> holders(String table, TableLockMode mode) {
    Set<Long> out = new HashSet<>();
    Relation rel = relations.get(table);
    if (rel != null) {
      rel.granted.forEach((o, modes) -> {
        if (modes.stream().anyMatch(mode::conflictsWith)) {
          out.add(o);
        }
      });
    }
    return out;
  }

  /** Every granted and waiting lock, for {@code pg_locks}. */
  public synchronized List<LockRow> rows() {
    List<LockRow> out = new ArrayList<>();
    relations.forEach((table, rel) -> {
      rel.granted.forEach((o, modes) -> modes.forEach(m -> out.add(new LockRow(table, o, m, true))));
      rel.queue.forEach(r -> out.add(new LockRow(table, r.owner, r.mode, false)));
    });
    return out;
  }

  /**
   * Completes once at least {@code n} requests wait on {@code table} (tests synchronize on the
   * lock waits themselves with it, never on time).
   */
  public Future<Void> whenWaiting(String table, int n) {
    Promise<Void> p = Promise.promise();
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      watches.add(new Watch(table, n, p));
      checkWatches(after);
    }
    after.forEach(Runnable::run);
    return p.future();
  }

  private void checkWatches(List<Runnable> after) {
    for (Iterator<Watch> it = watches.iterator(); it.hasNext(); ) {
      Watch w = it.next();
      Relation rel = relations.get(w.table());
      if (rel != null && rel.queue.size() >= w.waiters()) {
        it.remove();
        after.add(w.promise()::tryComplete);
      }
    }
  }

  private void grant(Relation rel, long owner, String table, TableLockMode mode) {
    rel.granted.computeIfAbsent(owner, o -> EnumSet.noneOf(TableLockMode.class)).add(mode);
    held.computeIfAbsent(owner, o -> new HashSet<>()).add(table);
  }

  private static boolean conflictsGranted(Relation rel, long owner, TableLockMode mode) {
    for (Map.Entry<Long, EnumSet<TableLockMode>> e : rel.granted.entrySet()) {
      if (e.getKey() != owner && e.getValue().stream().anyMatch(mode::conflictsWith)) {
        return true;
      }
    }
    return false;
  }

  /** Does a non-polite request of another transaction queued before {@code stop} clash? */
  private static boolean conflictsQueued(Relation rel, Request r, Request stop) {
    for (Request q : rel.queue) {
      if (q == stop) {
        break;
      }
      if (!q.polite && q.owner != r.owner && r.mode.conflictsWith(q.mode)) {
        return true;
      }
    }
    return false;
  }

  /** Grants, in queue order, every waiting request that no longer has to wait. */
  private void wake(String table, Relation rel, List<Runnable> after) {
    for (Iterator<Request> it = rel.queue.iterator(); it.hasNext(); ) {
      Request r = it.next();
      boolean holdsAny = rel.granted.containsKey(r.owner);
      if (!conflictsGranted(rel, r.owner, r.mode)
          && (holdsAny || !conflictsQueued(rel, r, r))) {
        it.remove();
        waiting.remove(r.owner, r);
        grant(rel, r.owner, table, r.mode);
        complete(r, null, after);
      }
    }
    if (rel.granted.isEmpty() && rel.queue.isEmpty()) {
      relations.remove(table);
    }
  }

  /** The transactions {@code r} waits for: conflicting holders and conflicting requests ahead. */
  private static Set<Long> blockers(Relation rel, Request r) {
    Set<Long> out = new HashSet<>();
    rel.granted.forEach((o, modes) -> {
      if (o != r.owner && modes.stream().anyMatch(r.mode::conflictsWith)) {
        out.add(o);
      }
    });
    if (!rel.granted.containsKey(r.owner)) {
      for (Request q : rel.queue) {
        if (q == r) {
          break;
        }
        if (!q.polite && q.owner != r.owner && r.mode.conflictsWith(q.mode)) {
          out.add(q.owner);
        }
      }
    }
    return out;
  }

  private boolean wouldDeadlock(Relation rel, Request r) {
    ArrayDeque<Long> pending = new ArrayDeque<>(blockers(rel, r));
    Set<Long> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      long x = pending.pop();
      if (x == r.owner) {
        return true;
      }
      Request w = waiting.get(x);
      if (seen.add(x) && w != null) {
        pending.addAll(blockers(relations.get(w.table), w));
      }
    }
    return false;
  }

  private static void fail(Request r, Outcome why, List<Runnable> after) {
    complete(r, new LockFailure(why), after);
  }

  private static void complete(Request r, Throwable failure, List<Runnable> after) {
    Runnable run = failure == null ? r.promise::tryComplete : () -> r.promise.tryFail(failure);
    after.add(r.context == null ? run : () -> r.context.runOnContext(v -> run.run()));
  }
}
