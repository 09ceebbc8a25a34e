package io.snapsync.bench;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StoreTransaction;
import io.snapsync.storage.impl.RocksStore;
import java.util.Arrays;

/**
 * Interleaved A/B check of the scan goal on a busy machine: alternates a full scan under a held
 * snapshot and a bare iterator scan over the same 100k rows, many rounds, and prints the median
 * keys/s of each and their ratio. Alternating keeps both exposed to the same background load,
 * which separate JMH forks are not. Run:
 * {@code java -cp bench/target/benchmarks.jar io.snapsync.bench.ScanRatio [rounds]}.
 */
public final class ScanRatio {

  private ScanRatio() {
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int rows = ScanBenchmark.ROWS;
    try (BenchStore bench = new BenchStore(false)) {
      bench.load(rows);
      try (SnapshotPin pin = bench.store.pinLatest()) {
        StoreTransaction tx = bench.store.begin(pin.snapshot());
        RocksStore raw = (RocksStore) bench.store;
        double[] mvcc = new double[rounds];
        double[] bare = new double[rounds];
        for (int warm = 0; warm < 10; warm++) {
          scan(tx, rows);
          raw.bareMvccScan();
        }
        for (int r = 0; r < rounds; r++) {
          long t0 = System.nanoTime();
          scan(tx, rows);
          long t1 = System.nanoTime();
          if (raw.bareMvccScan() != rows) {
            throw new IllegalStateException("bare scan count");
          }
          long t2 = System.nanoTime();
          mvcc[r] = rows * 1e9 / (t1 - t0);
          bare[r] = rows * 1e9 / (t2 - t1);
        }
        tx.rollback();
        double m = median(mvcc);
        double b = median(bare);
        System.out.printf("rows=%d rounds=%d%n", rows, rounds);
        System.out.printf("scan under snapshot: %.0f keys/s (median)%n", m);
        System.out.printf("bare iterator:       %.0f keys/s (median)%n", b);
        System.out.printf("ratio: %.2f%n", m / b);
      }
    }
  }

  private static void scan(StoreTransaction tx, int rows) {
    long n = 0;
    try (CloseableIterator<KeyValue> it = tx.scan(null, null)) {
      while (it.hasNext()) {
        n += it.next().value().length > 0 ? 1 : 0;
      }
    }
    if (n != rows) {
      throw new IllegalStateException("scanned " + n);
    }
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
