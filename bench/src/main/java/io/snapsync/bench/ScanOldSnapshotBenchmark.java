package io.snapsync.bench;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StoreTransaction;
import io.snapsync.storage.impl.RocksStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Full scan under a pinned snapshot after every row was updated once more: the scan must skip
 * 100k newer versions. Scores: rows per second for the MVCC scan (100k rows per call), entries
 * per second for the bare iterator (200k entries per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScanOldSnapshotBenchmark {

  static final int ROWS = 100_000;

  BenchStore bench;
  SnapshotPin pin;
  StoreTransaction tx;

  @Setup(Level.Trial)
  public void setUp() {
    bench = new BenchStore(false);
    bench.load(ROWS);
    pin = bench.store.pinLatest();
    bench.load(ROWS);
    tx = bench.store.begin(pin.snapshot());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    tx.rollback();
    pin.close();
    bench.close();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long scanSkippingNewerVersions() {
    long n = 0;
    try (CloseableIterator<KeyValue> it = tx.scan(null, null)) {
      while (it.hasNext()) {
        n += it.next().value().length > 0 ? 1 : 0;
      }
    }
    if (n != ROWS) {
      throw new IllegalStateException("scanned " + n);
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(2 * ROWS)
  public long bareIteratorAllVersions() {
    long n = ((RocksStore) bench.store).bareMvccScan();
    if (n != 2 * ROWS) {
      throw new IllegalStateException("scanned " + n);
    }
    return n;
  }
}
