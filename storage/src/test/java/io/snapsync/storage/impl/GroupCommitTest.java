package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent synced committers: dense unique seqs, each commit visible once it returns. */
class GroupCommitTest {

  @TempDir
  Path dir;

  @Test
  @Timeout(60)
  void concurrentCommitsGetDenseSeqsAndAreVisibleOnReturn() throws Exception {
    int threads = 4;
    int perThread = 50;
    Set<Long> seqs = ConcurrentHashMap.newKeySet();
    try (Store store = Store.open(StoreOptions.defaults(dir))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            StoreTransaction tx = store.begin(store.latestSnapshot());
            tx.put(b(id + "-" + i), b("v" + i));
            long seq = tx.commit();
            assertTrue(seqs.add(seq), "unique seq");
            assertTrue(store.latestSnapshot().commitSeq() >= seq, "published on return");
            StoreTransaction r = store.begin(store.latestSnapshot());
            assertEquals("v" + i, s(r.get(b(id + "-" + i))));
            r.rollback();
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(50, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(threads * perThread, store.latestSnapshot().commitSeq());
      for (long i = 1; i <= threads * perThread; i++) {
        assertTrue(seqs.contains(i), "seq " + i);
      }
    }
    try (Store store = Store.open(StoreOptions.defaults(dir))) {
      assertEquals(threads * perThread, store.latestSnapshot().commitSeq());
    }
  }

  @Test
  void publisherAdvancesOverRunsOfFinishedSeqsOnly() throws Exception {
    AtomicLong published = new AtomicLong();
    SeqPublisher p = new SeqPublisher(published::set);
    p.reset(10);
    p.skip(12);
    assertEquals(0, published.get(), "11 is missing");
    p.skip(13);
    Thread waiter = new Thread(() -> p.publishAndWait(14));
    waiter.start();
    p.publishAndWait(11);
    waiter.join(10_000);
    assertEquals(14, published.get());
  }
}
