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
 * Full scan of 100k rows (one version each) under a held (pinned) snapshot, against a bare
 * RocksDB iterator over the same column family. Scores are keys per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScanBenchmark {

  static final int ROWS = 100_000;

  BenchStore bench;
  SnapshotPin pin;
  StoreTransaction tx;

  @Setup(Level.Trial)
  public void setUp() {
    bench = new BenchStore(false);
    bench.load(ROWS);
    pin = bench.store.pin(bench.store.latestSnapshot());
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
  public long scanUnderSnapshot() {
    long n = 0;
    try (CloseableIterator<KeyValue> it = tx.scan(null, null)) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        n += kv.value().length > 0 ? 1 : 0;
      }
    }
    if (n != ROWS) {
      throw new IllegalStateException("scanned " + n);
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long bareIterator() {
    long n = ((RocksStore) bench.store).bareMvccScan();
    if (n != ROWS) {
      throw new IllegalStateException("scanned " + n);
    }
    return n;
  }
}
