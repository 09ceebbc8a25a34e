package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.KeyValue;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers move amounts between accounts (locking both rows, random order, so deadlocks and
 * serialization failures happen and are retried), readers scan repeatedly under one snapshot,
 * and reclaim runs all along. Checks: repeated scans under a snapshot agree and keep the total;
 * the final state equals the serial replay of the committed transfers in commit order.
 */
class ConcurrencyTest {

  private static final int ACCOUNTS = 20;
  private static final long INITIAL = 1000;
  private static final int WRITERS = 3;
  private static final int TRANSFERS_PER_WRITER = 150;
  private static final int READERS = 2;
  private static final int SCANS_PER_READER = 40;

  private record Transfer(long seq, int from, int to, long amount) {
  }

  @TempDir
  Path dir;

  private static byte[] account(int i) {
    return b(String.format("acct%03d", i));
  }

  private static byte[] money(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  private static long money(byte[] v) {
    return ByteBuffer.wrap(v).getLong();
  }

  private static void awaitLock(Future<Void> f) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    f.onComplete(ar -> done.countDown());
    assertTrue(done.await(30, TimeUnit.SECONDS), "lock future never completed");
    if (f.failed()) {
      throw (RuntimeException) f.cause();
    }
  }

  @Test
  @Timeout(120)
  void snapshotsStayConsistentAndCommitsAreSerializable() throws Exception {
    try (Store store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false)
        .withLockTimeoutMillis(20_000))) {
      StoreTransaction init = store.begin(store.latestSnapshot());
      for (int i = 0; i < ACCOUNTS; i++) {
        init.put(account(i), money(INITIAL));
      }
      init.commit();

      List<Transfer> committed = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger retries = new AtomicInteger();
      AtomicInteger timeouts = new AtomicInteger();
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS + 1);
      List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
      List<java.util.concurrent.Future<?>> others = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        Random random = new Random(w);
        writers.add(pool.submit(() -> {
          for (int n = 0; n < TRANSFERS_PER_WRITER; n++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            long amount = 1 + random.nextInt(50);
            while (true) {
              StoreTransaction tx = store.begin();
              try {
                awaitLock(tx.lock(account(from), true));
                awaitLock(tx.lock(account(to), true));
                tx.put(account(from), money(money(tx.get(account(from))) - amount));
                tx.put(account(to), money(money(tx.get(account(to))) + amount));
                long seq = tx.commit();
                committed.add(new Transfer(seq, from, to, amount));
                break;
              } catch (StorageException e) {
                tx.rollback();
                if (e.kind() == Kind.LOCK_TIMEOUT) {
                  timeouts.incrementAndGet();
                }
                if (e.kind() != Kind.DEADLOCK && e.kind() != Kind.SERIALIZATION_FAILURE) {
                  throw e;
                }
                retries.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (int r = 0; r < READERS; r++) {
        others.add(pool.submit(() -> {
          for (int n = 0; n < SCANS_PER_READER; n++) {
            try (SnapshotPin pin = store.pinLatest()) {
              StoreTransaction tx = store.begin(pin.snapshot());
              List<String> first = scan(tx);
              List<String> second = scan(tx);
              assertEquals(first, second, "two scans under one snapshot");
              assertEquals(ACCOUNTS, first.size());
              tx.rollback();
              // A fresh transaction on the pinned snapshot reads the same after reclaim runs.
              StoreTransaction again = store.begin(pin.snapshot());
              assertEquals(first, scan(again));
              again.rollback();
            }
          }
          return null;
        }));
      }
      others.add(pool.submit(() -> {
        while (writing.get()) {
          store.reclaim();
        }
        return null;
      }));
      for (var f : writers) {
        f.get(100, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (var f : others) {
        f.get(100, TimeUnit.SECONDS);
      }
      pool.shutdown();
      System.out.println("retries (deadlock or serialization failure): " + retries.get());
      assertEquals(0, timeouts.get(), "deadlocks are detected, not timed out");
      assertEquals(WRITERS * TRANSFERS_PER_WRITER, committed.size());

      long[] serial = new long[ACCOUNTS];
      java.util.Arrays.fill(serial, INITIAL);
      List<Transfer> ordered = new ArrayList<>(committed);
      ordered.sort((x, y) -> Long.compare(x.seq(), y.seq()));
      for (int i = 1; i < ordered.size(); i++) {
        assertTrue(ordered.get(i).seq() > ordered.get(i - 1).seq(), "distinct commit seqs");
      }
      for (Transfer t : ordered) {
        serial[t.from()] -= t.amount();
        serial[t.to()] += t.amount();
      }
      StoreTransaction check = store.begin(store.latestSnapshot());
      Map<String, Long> actual = new TreeMap<>();
      try (var it = check.scan(null, null)) {
        while (it.hasNext()) {
          KeyValue kv = it.next();
          actual.put(TestSupport.s(kv.key()), money(kv.value()));
        }
      }
      check.rollback();
      Map<String, Long> expected = new TreeMap<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        expected.put(TestSupport.s(account(i)), serial[i]);
      }
      assertEquals(expected, actual);
      store.reclaim();
      assertEquals(0, store.stats().versionsPendingReclaim());
    }
  }

  private static List<String> scan(StoreTransaction tx) {
    List<String> out = new ArrayList<>();
    long total = 0;
    try (var it = tx.scan(null, null)) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        out.add(TestSupport.s(kv.key()) + "=" + money(kv.value()));
        total += money(kv.value());
      }
    }
    assertEquals(ACCOUNTS * INITIAL, total, "total under one snapshot");
    return out;
  }
}
