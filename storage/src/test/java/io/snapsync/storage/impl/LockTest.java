package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.assertKind;
import static io.snapsync.storage.impl.TestSupport.await;
import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.Snapshot;
import io.snapsync.storage.StorageException.Kind;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockTest {

  @TempDir
  Path dir;
  Store store;

  @BeforeEach
  void open() {
    store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private StoreTransaction begin() {
    return store.begin(store.latestSnapshot());
  }

  @Test
  void freeLockIsGrantedAtOnceAndIsReentrant() {
    StoreTransaction tx = begin();
    assertTrue(tx.lock(b("k"), false).succeeded());
    assertTrue(tx.lock(b("k"), true).succeeded());
    tx.rollback();
  }

  @Test
  void waiterGetsTheLockInFifoOrderWhenTheOwnerEnds() throws Exception {
    StoreTransaction a = begin();
    StoreTransaction w1 = begin();
    StoreTransaction w2 = begin();
    assertTrue(a.lock(b("k"), false).succeeded());
    Future<Void> f1 = w1.lock(b("k"), false);
    Future<Void> f2 = w2.lock(b("k"), false);
    assertFalse(f1.isComplete());
    assertFalse(f2.isComplete());
    a.put(b("k"), b("a"));
    a.commit();
    assertNull(await(f1));
    assertFalse(f2.isComplete(), "second waiter waits for the first");
    w1.rollback();
    assertNull(await(f2));
    w2.rollback();
  }

  @Test
  void changedSinceSnapshotFailsWithSerializationFailureOnceGranted() throws Exception {
    StoreTransaction a = begin();
    StoreTransaction b = begin();
    assertTrue(a.lock(b("k"), true).succeeded());
    Future<Void> waiting = b.lock(b("k"), true);
    a.put(b("k"), b("a"));
    a.commit();
    assertKind(Kind.SERIALIZATION_FAILURE, await(waiting));
    assertEquals("a", s(b.latestCommitted(b("k"))));
    b.rollback();

    // A READ COMMITTED style lock (no check) on a fresh snapshot succeeds.
    StoreTransaction c = begin();
    assertNull(await(c.lock(b("k"), true)));
    c.rollback();
  }

  @Test
  void serializationFailureAlsoWhenTheLockIsFree() throws Exception {
    Snapshot old = store.latestSnapshot();
    StoreTransaction a = begin();
    a.put(b("k"), b("a"));
    a.commit();
    StoreTransaction stale = store.begin(old);
    assertKind(Kind.SERIALIZATION_FAILURE, await(stale.lock(b("k"), true)));
    assertNull(await(stale.lock(b("other"), true)));
    stale.rollback();
  }

  @Test
  void cycleInWaitForGraphFailsTheRequesterWithDeadlock() throws Exception {
    StoreTransaction a = begin();
    StoreTransaction c = begin();
    StoreTransaction d = begin();
    assertTrue(a.lock(b("1"), false).succeeded());
    assertTrue(c.lock(b("2"), false).succeeded());
    assertTrue(d.lock(b("3"), false).succeeded());
    Future<Void> aWaits = a.lock(b("2"), false);
    Future<Void> cWaits = c.lock(b("3"), false);
    assertFalse(aWaits.isComplete());
    assertFalse(cWaits.isComplete());
    assertKind(Kind.DEADLOCK, await(d.lock(b("1"), false)));
    d.rollback();
    assertNull(await(cWaits));
    c.rollback();
    assertNull(await(aWaits));
    a.rollback();
  }

  @Test
  void waitingBehindAQueuedWaiterCountsInTheGraph() throws Exception {
    StoreTransaction a = begin();
    StoreTransaction c = begin();
    StoreTransaction d = begin();
    assertTrue(a.lock(b("x"), false).succeeded());
    assertTrue(d.lock(b("y"), false).succeeded());
    Future<Void> dWaits = d.lock(b("x"), false);
    // c queues behind d on x; d holds y; so c waiting on... then d asking c's lock is a cycle
    assertTrue(c.lock(b("z"), false).succeeded());
    Future<Void> cWaits = c.lock(b("x"), false);
    assertKind(Kind.DEADLOCK, await(d.lock(b("z"), false)));
    a.rollback();
    assertNull(await(dWaits));
    d.rollback();
    assertNull(await(cWaits));
    c.rollback();
  }

  @Test
  void waitLongerThanTheTimeoutFailsWithLockTimeout() throws Exception {
    store.close();
    store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false)
        .withLockTimeoutMillis(50));
    StoreTransaction a = begin();
    StoreTransaction c = begin();
    assertTrue(a.lock(b("k"), false).succeeded());
    assertKind(Kind.LOCK_TIMEOUT, await(c.lock(b("k"), false)));
    // The timed-out waiter is gone: releasing hands the lock to nobody, a new request gets it.
    a.rollback();
    assertTrue(c.lock(b("k"), false).succeeded());
    c.rollback();
  }

  @Test
  void rollbackFailsTheTransactionsOwnPendingRequests() throws Exception {
    StoreTransaction a = begin();
    StoreTransaction c = begin();
    assertTrue(a.lock(b("k"), false).succeeded());
    Future<Void> pending = c.lock(b("k"), false);
    c.rollback();
    assertKind(Kind.TRANSACTION_CLOSED, await(pending));
    a.rollback();
    StoreTransaction d = begin();
    assertTrue(d.lock(b("k"), false).succeeded());
    d.rollback();
  }

  @Test
  void grantRunsOnTheRequestersVertxContext() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      StoreTransaction a = begin();
      StoreTransaction c = begin();
      assertTrue(a.lock(b("k"), false).succeeded());
      Context ctx = vertx.getOrCreateContext();
      AtomicReference<Context> grantedOn = new AtomicReference<>();
      CompletableFuture<Void> requested = new CompletableFuture<>();
      CompletableFuture<Throwable> done = new CompletableFuture<>();
      ctx.runOnContext(v -> {
        c.lock(b("k"), true).onComplete(ar -> {
          grantedOn.set(Vertx.currentContext());
          done.complete(ar.cause());
        });
        requested.complete(null);
      });
      requested.get(10, TimeUnit.SECONDS);
      a.rollback();
      assertNull(done.get(10, TimeUnit.SECONDS));
      assertEquals(ctx, grantedOn.get());
      c.rollback();
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void grantCallbacksRunOutsideTheLockTableMonitor() throws Exception {
    StoreTransaction a = begin();
    StoreTransaction c = begin();
    StoreTransaction d = begin();
    assertTrue(a.lock(b("k1"), false).succeeded());
    CompletableFuture<Boolean> otherThreadGotIn = new CompletableFuture<>();
    c.lock(b("k1"), false).onComplete(ar -> {
      // Another thread needs the lock table while this callback runs.
      Thread t = new Thread(() -> d.lock(b("k2"), false));
      t.start();
      try {
        t.join(10_000);
        otherThreadGotIn.complete(!t.isAlive());
      } catch (InterruptedException e) {
        otherThreadGotIn.complete(false);
      }
    });
    a.rollback();
    assertTrue(otherThreadGotIn.get(20, TimeUnit.SECONDS));
    c.rollback();
    d.rollback();
  }

  @Test
  void closingTheStoreFailsWaiters() throws Exception {
    StoreTransaction a = begin();
    StoreTransaction c = begin();
    assertTrue(a.lock(b("k"), false).succeeded());
    Future<Void> pending = c.lock(b("k"), false);
    store.close();
    Throwable t = await(pending);
    assertTrue(t != null);
  }
}
