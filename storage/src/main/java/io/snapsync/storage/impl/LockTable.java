package io.snapsync.storage.impl;

import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * In-memory row locks: key -> owner txid + FIFO waiters. Re-entrant for the owner. A request that
 * would close a cycle in the wait-for graph fails at once with DEADLOCK; a waiter not granted
 * within the timeout fails with LOCK_TIMEOUT. No thread ever blocks: waiters are promises.
 *
 * <p>Invariant: an entry with waiters always has an owner. All state is guarded by
 * {@code this}; promises are completed after leaving the monitor (on the requester's Vert.x
 * context when it had one).
 */
final class LockTable {

  private static final class Entry {
    long owner;
    final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  }

  private static final class Waiter {
    final long txid;
    final ByteKey key;
    final Promise<Void> promise = Promise.promise();
    final Context context;
    ScheduledFuture<?> timeout;
    boolean done;

    Waiter(long txid, ByteKey key, Context context) {
      this.txid = txid;
      this.key = key;
      this.context = context;
    }
  }

  private record Completion(Waiter waiter, Throwable failure) {
  }

  private final Map<ByteKey, Entry> entries = new HashMap<>();
  private final Map<Long, Set<ByteKey>> held = new HashMap<>();
  private final Map<Long, List<Waiter>> waiting = new HashMap<>();
  private final ScheduledExecutorService scheduler;
  private final long timeoutMillis;
  private boolean closed;

  LockTable(ScheduledExecutorService scheduler, long timeoutMillis) {
    this.scheduler = scheduler;
    this.timeoutMillis = timeoutMillis;
  }

  /** Requests the lock of {@code key} for {@code txid}. */
  Future<Void> acquire(long txid, byte[] key) {
    ByteKey k = new ByteKey(key.clone());
    Waiter w;
    synchronized (this) {
      if (closed) {
        return Future.failedFuture(new StorageException(Kind.CLOSED, "store is closed"));
      }
      Entry e = entries.get(k);
      if (e == null) {
        e = new Entry();
        e.owner = txid;
        entries.put(k, e);
        held.computeIfAbsent(txid, t -> new HashSet<>()).add(k);
        return Future.succeededFuture();
      }
      if (e.owner == txid) {
        return Future.succeededFuture();
      }
      if (wouldDeadlock(txid, e)) {
        return Future.failedFuture(new StorageException(Kind.DEADLOCK,
            "deadlock detected: transaction " + txid + " waiting for row lock held by "
                + e.owner));
      }
      w = new Waiter(txid, k, Vertx.currentContext());
      e.waiters.addLast(w);
      waiting.computeIfAbsent(txid, t -> new ArrayList<>()).add(w);
      if (timeoutMillis > 0) {
        try {
          w.timeout = scheduler.schedule(() -> expire(w), timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException rejected) {
          e.waiters.remove(w);
          waiting.get(txid).remove(w);
          if (waiting.get(txid).isEmpty()) {
            waiting.remove(txid);
          }
          return Future.failedFuture(new StorageException(Kind.CLOSED, "store is closed"));
        }
      }
    }
    return w.promise.future();
  }

  /** Grants {@code key} to {@code txid} unconditionally (recovery of prepared transactions). */
  synchronized void grant(long txid, byte[] key) {
    ByteKey k = new ByteKey(key.clone());
    Entry e = entries.computeIfAbsent(k, x -> new Entry());
    e.owner = txid;
    held.computeIfAbsent(txid, t -> new HashSet<>()).add(k);
  }

  /** Keys whose lock {@code txid} holds. */
  synchronized List<byte[]> heldKeys(long txid) {
    List<byte[]> out = new ArrayList<>();
    for (ByteKey k : held.getOrDefault(txid, Set.of())) {
      out.add(k.bytes());
    }
    return out;
  }

  /** Fails every pending request of {@code txid} and releases its locks to the next waiters. */
  void releaseAll(long txid) {
    List<Completion> completions = new ArrayList<>();
    synchronized (this) {
      if (waiting.containsKey(txid)) {
        cancelWaitsLocked(txid, completions,
            new StorageException(Kind.TRANSACTION_CLOSED, "transaction " + txid + " ended"));
      }
      Set<ByteKey> keys = held.remove(txid);
      if (keys != null) {
        for (ByteKey k : keys) {
          Entry e = entries.get(k);
          if (e != null && e.owner == txid) {
            handOver(k, e, completions);
          }
        }
      }
    }
    complete(completions);
  }

  /** Fails the pending requests of {@code txid}; its granted locks stay. */
  void cancelWaits(long txid) {
    List<Completion> completions = new ArrayList<>();
    synchronized (this) {
      if (waiting.containsKey(txid)) {
        cancelWaitsLocked(txid, completions, new StorageException(Kind.TRANSACTION_CLOSED,
            "transaction " + txid + " was prepared"));
      }
    }
    complete(completions);
  }

  /** Fails every waiter and every later request (store closing). */
  void close(StorageException cause) {
    List<Completion> completions = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (Long txid : new ArrayList<>(waiting.keySet())) {
        cancelWaitsLocked(txid, completions, cause);
      }
    }
    complete(completions);
  }

  /** Lock requests waiting now. */
  synchronized int waiters() {
    int n = 0;
    for (List<Waiter> w : waiting.values()) {
      n += w.size();
    }
    return n;
  }

  synchronized int lockedKeys() {
    return entries.size();
  }

  private void cancelWaitsLocked(long txid, List<Completion> completions, Throwable cause) {
    List<Waiter> ws = waiting.remove(txid);
    if (ws == null) {
      return;
    }
    for (Waiter w : ws) {
      Entry e = entries.get(w.key);
      if (e != null) {
        e.waiters.remove(w);
      }
      finish(w, cause, completions);
    }
  }

  private void handOver(ByteKey k, Entry e, List<Completion> completions) {
    Waiter next = e.waiters.pollFirst();
    if (next == null) {
      entries.remove(k);
      return;
    }
    e.owner = next.txid;
    grantLocked(next, completions);
    // Further requests of the new owner for the same key are re-entrant grants.
    for (Iterator<Waiter> it = e.waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (w.txid == next.txid) {
        it.remove();
        grantLocked(w, completions);
      }
    }
  }

  private void grantLocked(Waiter w, List<Completion> completions) {
    held.computeIfAbsent(w.txid, t -> new HashSet<>()).add(w.key);
    List<Waiter> ws = waiting.get(w.txid);
    if (ws != null) {
      ws.remove(w);
      if (ws.isEmpty()) {
        waiting.remove(w.txid);
      }
    }
    finish(w, null, completions);
  }

  private void finish(Waiter w, Throwable failure, List<Completion> completions) {
    w.done = true;
    if (w.timeout != null) {
      w.timeout.cancel(false);
    }
    completions.add(new Completion(w, failure));
  }

  private void expire(Waiter w) {
    List<Completion> completions = new ArrayList<>();
    synchronized (this) {
      if (w.done) {
        return;
      }
      Entry e = entries.get(w.key);
      if (e != null) {
        e.waiters.remove(w);
      }
      List<Waiter> ws = waiting.get(w.txid);
      if (ws != null) {
        ws.remove(w);
        if (ws.isEmpty()) {
          waiting.remove(w.txid);
        }
      }
      finish(w, new StorageException(Kind.LOCK_TIMEOUT, "row lock wait of transaction "
          + w.txid + " timed out after " + timeoutMillis + " ms"), completions);
    }
    complete(completions);
  }

  /**
   * Would {@code requester} waiting on {@code e} close a cycle? It would wait for the owner and
   * every waiter queued ahead; follow what each of those waits for.
   */
  private boolean wouldDeadlock(long requester, Entry e) {
    ArrayDeque<Long> stack = new ArrayDeque<>();
    pushBlockers(requester, e, null, stack);
    Set<Long> seen = new HashSet<>();
    while (!stack.isEmpty()) {
      long x = stack.pop();
      if (x == requester) {
        return true;
      }
      if (!seen.add(x)) {
        continue;
      }
      for (Waiter w : waiting.getOrDefault(x, List.of())) {
        Entry we = entries.get(w.key);
        if (we != null) {
          pushBlockers(x, we, w, stack);
        }
      }
    }
    return false;
  }

  private static void pushBlockers(long who, Entry e, Waiter self, ArrayDeque<Long> stack) {
    stack.push(e.owner);
    for (Waiter ahead : e.waiters) {
      if (ahead == self) {
        break;
      }
      if (ahead.txid != who) {
        stack.push(ahead.txid);
      }
    }
  }

  private static void complete(List<Completion> completions) {
    for (Completion c : completions) {
      Waiter w = c.waiter();
      Runnable r = c.failure() == null
          ? () -> w.promise.tryComplete()
          : () -> w.promise.tryFail(c.failure());
      if (w.context != null) {
        w.context.runOnContext(v -> r.run());
      } else {
        r.run();
      }
    }
  }
}
