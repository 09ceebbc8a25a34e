package io.snapsync.core.txn;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.txn.SerializationFailures.Reason;
import io.snapsync.storage.SnapshotPin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serializable snapshot isolation for the SERIALIZABLE transactions of one database (the data
 * node's; coordinators forward their sessions there, so this sees every serializable
 * transaction of the cluster). It keeps each one's predicate reads (SIREAD: points, key ranges,
 * whole relations) and writes, turns a write into a key another concurrent serializable
 * transaction read (or a read of a key another one wrote, unseen) into an rw-conflict, and
 * cancels a transaction of every dangerous structure with 40001 ({@link ConflictRules}).
 *
 * <p>Committed transactions are kept while they overlap an active one. Memory is bounded:
 * beyond {@code maxCommitted} kept transactions the oldest are folded into one summary node
 * (the union of their reads and writes, their earliest and latest commit order, their
 * conflict-out flags), which errs only towards false positives, as PostgreSQL's SLRU summary
 * does. Read-only transactions whose snapshot is safe stop tracking at once; DEFERRABLE ones
 * wait for a safe snapshot.
 *
 * <p>Thread-safe: one monitor guards everything; critical sections are short and never do I/O
 * except taking a store pin (in memory) at registration.
 */
public final class SerializableTracker {

  /** Default bound on committed transactions kept before summarising. */
  public static final int DEFAULT_MAX_COMMITTED = 4096;
  private static final long DEFERRABLE_POLL_MS = 200;

  private final int maxCommitted;
  private long order;
  private final Set<SerializableXact> active = new LinkedHashSet<>();
  private final Map<Long, SerializableXact> byTxid = new HashMap<>();
  private final ArrayDeque<SerializableXact> committed = new ArrayDeque<>();
  private final Map<String, SerializableXact> preparedByGid = new HashMap<>();
  private SerializableXact summary;
  private long droppedMaxStoreSeq;
  private long summarised;
  private long failures;
  private int deferrableWaiters;

  public SerializableTracker() {
    this(DEFAULT_MAX_COMMITTED);
  }

  public SerializableTracker(int maxCommitted) {
    this.maxCommitted = maxCommitted;
  }

  /** A registered transaction and the pin of its snapshot (the caller closes the pin). */
  record Registration(SerializableXact xact, SnapshotPin pin) {
  }

  /**
   * Registers a serializable transaction whose snapshot {@code pinLatest} takes (under the
   * tracker's lock, so no commit falls between). A READ ONLY DEFERRABLE one waits until its
   * snapshot is safe, taking a new one after each unsafe outcome; {@code checkCanceled} runs
   * while waiting and may throw. Blocking.
   */
  Registration begin(boolean readOnly, boolean deferrable, Supplier<SnapshotPin> pinLatest,
      Runnable checkCanceled) {
    while (true) {
      Registration r;
      synchronized (this) {
        SnapshotPin pin = pinLatest.get();
        SerializableXact x = new SerializableXact(0, false);
        x.readOnly = readOnly;
        x.snapshotSeq = pin.snapshot().commitSeq();
        x.lastCommitBeforeSnapshot = order;
        active.add(x);
        if (readOnly) {
          watchUnsafe(x);
        }
        r = new Registration(x, pin);
        if (!readOnly || !deferrable) {
          return r;
        }
        try {
          deferrableWaiters++;
          while (!x.safe && !x.unsafe) {
            checkCanceled.run();
            wait(DEFERRABLE_POLL_MS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          x.unsafe = true;
        } catch (RuntimeException e) {
          rolledBack(x);
          pin.close();
          throw e;
        } finally {
          deferrableWaiters--;
        }
        if (x.safe) {
          return r;
        }
        rolledBack(x);
      }
      r.pin().close();
    }
  }

  /** Read-only: which concurrent read-write transactions could still make the snapshot unsafe. */
  private void watchUnsafe(SerializableXact ro) {
    for (SerializableXact w : active) {
      if (w != ro && !w.readOnly && !w.doomed) {
        ro.possibleUnsafe.add(w);
        w.unsafeFor.add(ro);
      }
    }
    if (ro.possibleUnsafe.isEmpty()) {
      makeSafe(ro);
    }
  }

  /** Names the transaction by its store txid (for messages and exporter look-up). */
  synchronized void bindTxid(SerializableXact x, long txid) {
    x.txid = txid;
    if (x.isActiveOrPrepared() && !x.safe) {
      byTxid.put(txid, x);
    }
  }

  /**
   * Registers a serializable transaction that imported a snapshot exported by transaction
   * {@code exporterTxid}; the exporter, when still tracked, lends its commit-order position.
   * An importer follows the read-write rules even when read-only. Fails 55000 when tracking
   * for that snapshot was already dropped.
   */
  synchronized SerializableXact imported(long snapshotSeq, long exporterTxid) {
    SerializableXact exporter = byTxid.get(exporterTxid);
    if (exporter == null && snapshotSeq < droppedMaxStoreSeq) {
      throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "snapshot.could_not_import").withDetail("snapshot.could_not_import.detail");
    }
    SerializableXact x = new SerializableXact(0, false);
    x.snapshotSeq = snapshotSeq;
    x.lastCommitBeforeSnapshot = exporter == null ? 0 : exporter.lastCommitBeforeSnapshot;
    active.add(x);
    return x;
  }

  /** The transaction ended without a store commit (or its registration is replaced). */
  synchronized void release(SerializableXact x) {
    if (x.state == SerializableXact.State.ACTIVE) {
      rolledBack(x);
    }
  }

  /** {@code x} read {@code from <= key < to} ({@code to == null}: no end). */
  synchronized void read(SerializableXact x, byte[] from, byte[] to, boolean point) {
    if (x.safe) {
      return;
    }
    if (x.doomed) {
      throw fail(Reason.PIVOT_DURING_CONFLICT_OUT, x);
    }
    if (point) {
      x.reads.addPoint(from);
    } else {
      x.reads.addRange(from, to);
    }
    for (SerializableXact w : others()) {
      if (w == x || w.doomed || w.state == SerializableXact.State.ROLLED_BACK
          || !w.concurrentWith(x) || ConflictRules.readOnlyMayIgnore(x, w)) {
        continue;
      }
      if (point ? w.writes.covers(from) : w.writes.intersects(from, to)) {
        flagCounting(x, w, x);
      }
    }
  }

  /** {@code x} writes {@code key} (insert, update or delete). */
  synchronized void write(SerializableXact x, byte[] key) {
    if (x.doomed) {
      throw fail(Reason.PIVOT_DURING_CONFLICT_IN, x);
    }
    x.writes.addPoint(key);
    for (SerializableXact r : others()) {
      if (r == x || r.doomed || r.safe || !r.concurrentWith(x)) {
        continue;
      }
      if (r.reads.covers(key)) {
        flagCounting(r, x, x);
      }
    }
  }

  private void flagCounting(SerializableXact reader, SerializableXact writer,
      SerializableXact me) {
    try {
      ConflictRules.flag(reader, writer, me);
    } catch (SnapsyncException e) {
      failures++;
      throw e;
    }
  }

  private Iterable<SerializableXact> others() {
    List<SerializableXact> all = new ArrayList<>(active.size() + committed.size() + 1);
    all.addAll(active);
    all.addAll(committed);
    if (summary != null) {
      all.add(summary);
    }
    return all;
  }

  /** Before the store commit (or PREPARE TRANSACTION): throws 40001 when {@code x} must abort. */
  synchronized void preCommit(SerializableXact x) {
    if (x.safe) {
      return;
    }
    try {
      ConflictRules.preCommit(x);
    } catch (SnapsyncException e) {
      failures++;
      throw e;
    }
    x.prepareSeq = ++order;
    x.state = SerializableXact.State.PREPARED;
  }

  /** What PREPARE TRANSACTION persists of {@code x} (after {@link #preCommit}); null if safe. */
  synchronized byte[] preparedState(SerializableXact x) {
    return x.safe ? null : PreparedSerializableState.encode(x);
  }

  /**
   * A prepared transaction found at open: when its record carries the state of a SERIALIZABLE
   * transaction it is tracked again as prepared, with its reads and writes.
   */
  public synchronized void recoverPrepared(String gid, long txid, byte[] attachment) {
    SerializableXact x = attachment == null ? null
        : PreparedSerializableState.decode(txid, attachment);
    if (x == null) {
      return;
    }
    x.prepareSeq = ++order;
    x.gid = gid;
    active.add(x);
    byTxid.put(txid, x);
    preparedByGid.put(gid, x);
  }

  /** PREPARE TRANSACTION succeeded: {@code x} stays prepared until its gid is finished. */
  synchronized void prepared(SerializableXact x, String gid) {
    if (!x.safe) {
      x.gid = gid;
      preparedByGid.put(gid, x);
    }
  }

  /** COMMIT PREPARED / ROLLBACK PREPARED of {@code gid}; {@code storeSeq} bounds its commit. */
  public synchronized void finishPrepared(String gid, boolean commit, long storeSeq) {
    SerializableXact x = preparedByGid.remove(gid);
    if (x == null) {
      return;
    }
    if (commit) {
      committed(x, x.writes.isEmpty() ? 0 : storeSeq);
    } else {
      rolledBack(x);
    }
  }

  /** The store commit of {@code x} succeeded at {@code storeSeq} (0: it wrote nothing). */
  synchronized void committed(SerializableXact x, long storeSeq) {
    if (x.safe) {
      return;
    }
    x.commitSeq = ++order;
    x.state = SerializableXact.State.COMMITTED;
    x.storeCommitSeq = storeSeq;
    if (x.summaryConflictOut) {
      x.conflictOut = true;
      x.earliestOutConflictCommit = 0;
    }
    if (!x.readOnly) {
      for (SerializableXact t : x.outConflicts) {
        if (t.isCommitted()) {
          x.conflictOut = true;
          x.earliestOutConflictCommit = Math.min(x.earliestOutConflictCommit, t.prepareSeq);
        }
      }
    }
    for (SerializableXact ro : x.unsafeFor) {
      ro.possibleUnsafe.remove(x);
      if (x.conflictOut && x.earliestOutConflictCommit <= ro.lastCommitBeforeSnapshot) {
        ro.unsafe = true;
        detachUnsafe(ro);
      } else if (ro.possibleUnsafe.isEmpty() && !ro.unsafe) {
        makeSafe(ro);
      }
    }
    x.unsafeFor.clear();
    detachUnsafe(x);
    active.remove(x);
    byTxid.remove(x.txid);
    committed.addLast(x);
    cleanUp();
    notifyAll();
  }

  /** {@code x} rolled back (or was released): it leaves every structure. */
  synchronized void rolledBack(SerializableXact x) {
    if (x.state == SerializableXact.State.ROLLED_BACK) {
      return;
    }
    x.state = SerializableXact.State.ROLLED_BACK;
    for (SerializableXact ro : x.unsafeFor) {
      ro.possibleUnsafe.remove(x);
      if (ro.possibleUnsafe.isEmpty() && !ro.unsafe) {
        makeSafe(ro);
      }
    }
    x.unsafeFor.clear();
    detachUnsafe(x);
    detachEdges(x);
    active.remove(x);
    byTxid.remove(x.txid);
    if (x.gid != null) {
      preparedByGid.remove(x.gid);
    }
    cleanUp();
    notifyAll();
  }

  private void detachUnsafe(SerializableXact ro) {
    for (SerializableXact w : ro.possibleUnsafe) {
      w.unsafeFor.remove(ro);
    }
    ro.possibleUnsafe.clear();
  }

  /** A read-only transaction whose snapshot is safe: it can no longer take part in anomalies. */
  private void makeSafe(SerializableXact ro) {
    ro.safe = true;
    detachUnsafe(ro);
    detachEdges(ro);
    ro.reads.clear();
    active.remove(ro);
    byTxid.remove(ro.txid);
  }

  private static void detachEdges(SerializableXact x) {
    for (SerializableXact o : x.outConflicts) {
      o.inConflicts.remove(x);
    }
    for (SerializableXact i : x.inConflicts) {
      i.outConflicts.remove(x);
    }
    x.outConflicts.clear();
    x.inConflicts.clear();
  }

  /** Drops committed transactions no active one overlaps; summarises beyond the bound. */
  private void cleanUp() {
    long minSnapshot = Long.MAX_VALUE;
    long minOrder = Long.MAX_VALUE;
    for (SerializableXact a : active) {
      minSnapshot = Math.min(minSnapshot, a.snapshotSeq);
      minOrder = Math.min(minOrder, a.lastCommitBeforeSnapshot);
    }
    for (Iterator<SerializableXact> it = committed.iterator(); it.hasNext(); ) {
      SerializableXact c = it.next();
      if (overlapsNone(c, minSnapshot, minOrder)) {
        it.remove();
        drop(c);
      }
    }
    if (summary != null && overlapsNone(summary, minSnapshot, minOrder)) {
      drop(summary);
      summary = null;
    }
    while (committed.size() > maxCommitted) {
      fold(committed.pollFirst());
    }
  }

  private static boolean overlapsNone(SerializableXact c, long minSnapshot, long minOrder) {
    SerializableXact horizon = new SerializableXact(0, false);
    horizon.snapshotSeq = minSnapshot;
    horizon.lastCommitBeforeSnapshot = minOrder;
    return SerializableXact.committedBefore(c, horizon);
  }

  private void drop(SerializableXact c) {
    droppedMaxStoreSeq = Math.max(droppedMaxStoreSeq, c.storeCommitSeq);
    detachEdges(c);
  }

  /** Folds the committed {@code c} into the summary node. */
  private void fold(SerializableXact c) {
    if (summary == null) {
      summary = new SerializableXact(0, true);
      summary.state = SerializableXact.State.COMMITTED;
      summary.prepareSeq = Long.MAX_VALUE;
    }
    SerializableXact s = summary;
    s.reads.addAll(c.reads);
    s.writes.addAll(c.writes);
    s.prepareSeq = Math.min(s.prepareSeq, c.prepareSeq);
    s.commitSeq = Math.max(s.commitSeq, c.commitSeq);
    s.storeCommitSeq = Math.max(s.storeCommitSeq, c.storeCommitSeq);
    s.snapshotSeq = Math.min(s.snapshotSeq == 0 ? Long.MAX_VALUE : s.snapshotSeq, c.snapshotSeq);
    s.conflictOut |= c.conflictOut;
    s.earliestOutConflictCommit = Math.min(s.earliestOutConflictCommit,
        c.earliestOutConflictCommit);
    for (SerializableXact o : c.outConflicts) {
      o.inConflicts.remove(c);
      if (o != s) {
        o.inConflicts.add(s);
        s.outConflicts.add(o);
      }
    }
    for (SerializableXact i : c.inConflicts) {
      i.outConflicts.remove(c);
      if (i != s) {
        i.outConflicts.add(s);
        s.inConflicts.add(i);
      }
    }
    c.outConflicts.clear();
    c.inConflicts.clear();
    summarised++;
  }

  /** Counts for statistics (WDR, tests). */
  public record Stats(int active, int committedKept, boolean summary, long summarised,
      long failures, int deferrableWaiters, long keysHeld) {
  }

  public synchronized Stats stats() {
    long keys = 0;
    for (SerializableXact x : others()) {
      keys += x.reads.size() + x.writes.size();
    }
    return new Stats(active.size(), committed.size(), summary != null, summarised, failures,
        deferrableWaiters, keys);
  }

  private SnapsyncException fail(Reason reason, SerializableXact x) {
    failures++;
    return SerializationFailures.failure(reason, x.txid);
  }
}
