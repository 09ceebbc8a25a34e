package io.snapsync.bench;

import io.snapsync.storage.DurablePin;
import io.snapsync.storage.Holdback;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What snapshots cost under a steady update load (issue 17), on the store directly: a table of
 * {@value #ROWS} rows of 64 bytes, {@value #COMMITS} commits each updating {@value #PER_COMMIT}
 * random rows, reclaim every {@value #RECLAIM_EVERY} commits (as the node's 10 s timer would),
 * with (a) 1, 100 or 10,000 durable snapshots taken evenly along the load, or (b) a 1-hour
 * history window over a simulated hour (injected clock, one commit every 100 ms). Prints, per
 * case: bytes on disk, row versions kept, what the oldest snapshot holds back, and the p50 / p99
 * of a point read under the oldest state versus the latest.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.snapsync.bench.SnapshotCostBench}.
 */
public final class SnapshotCostBench {

  static final int ROWS = 10_000;
  static final int COMMITS = 36_000;
  static final int PER_COMMIT = 4;
  static final int RECLAIM_EVERY = 100;

  private SnapshotCostBench() {
  }

  /** A clock moved by the load. */
  static final class SimClock extends Clock {
    volatile long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println("| case | bytes on disk | versions kept | oldest holds back (versions / bytes)"
        + " | read p50 / p99 µs, oldest state | read p50 / p99 µs, latest |");
    System.out.println("|---|---|---|---|---|---|");
    run("no snapshot", 0, Duration.ZERO);
    for (int n : new int[] {1, 100, 10_000}) {
      run(n + " durable snapshots", n, Duration.ZERO);
    }
    run("1 h history window", 0, Duration.ofHours(1));
  }

  private static void run(String name, int snapshots, Duration window) throws IOException {
    Path dir = Files.createTempDirectory("snapsync-snapcost");
    SimClock clock = new SimClock();
    SplittableRandom rnd = new SplittableRandom(17);
    List<DurablePin> pins = new ArrayList<>();
    try (Store store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false)
        .withClock(clock))) {
      store.history().setRetention(window);
      load(store);
      long start = clock.millis();
      int every = snapshots == 0 ? Integer.MAX_VALUE : Math.max(1, COMMITS / snapshots);
      for (int c = 0; c < COMMITS; c++) {
        clock.millis += 100;
        StoreTransaction tx = store.begin();
        for (int i = 0; i < PER_COMMIT; i++) {
          long k = rnd.nextInt(ROWS);
          tx.put(BenchStore.key(k), BenchStore.value(c * 31L + k));
        }
        tx.commit();
        if (c % every == 0 && pins.size() < snapshots) {
          pins.add(store.pinDurable("bench-" + c, store.latestSnapshot(), new byte[0]));
        }
        if (c % RECLAIM_EVERY == 0) {
          store.reclaim();
        }
      }
      store.reclaim();
      Snapshot oldest = !pins.isEmpty() ? pins.get(0).snapshot()
          : window.isZero() ? store.latestSnapshot()
          : store.history().snapshotAt(start + 60_000).orElseThrow();
      Holdback held = store.holdback(List.of(oldest)).get(0);
      long[] old = reads(store, oldest, rnd);
      long[] latest = reads(store, store.latestSnapshot(), rnd);
      System.out.printf("| %s | %,d | %,d | %,d / %,d | %.1f / %.1f | %.1f / %.1f |%n", name,
          size(dir), store.stats().versionsPendingReclaim() + ROWS, held.versions(),
          held.bytes(), old[0] / 1000.0, old[1] / 1000.0, latest[0] / 1000.0,
          latest[1] / 1000.0);
      for (DurablePin p : pins) {
        p.close();
      }
    } finally {
      delete(dir);
    }
  }

  private static void load(Store store) {
    StoreTransaction tx = store.begin();
    for (int i = 0; i < ROWS; i++) {
      tx.put(BenchStore.key(i), BenchStore.value(i));
    }
    tx.commit();
  }

  /** p50 and p99 in ns of 20,000 point reads (after 5,000 warm-up reads) at {@code s}. */
  private static long[] reads(Store store, Snapshot s, SplittableRandom rnd) {
    StoreTransaction tx = store.begin(s);
    try {
      long[] ns = new long[20_000];
      for (int i = -5_000; i < ns.length; i++) {
        long t0 = System.nanoTime();
        tx.get(BenchStore.key(rnd.nextInt(ROWS)));
        if (i >= 0) {
          ns[i] = System.nanoTime() - t0;
        }
      }
      Arrays.sort(ns);
      return new long[] {ns[ns.length / 2], ns[ns.length * 99 / 100]};
    } finally {
      tx.rollback();
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
