package io.snapsync.bench;

import io.snapsync.storage.StoreTransaction;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Point get of a random existing key through a transaction holding a snapshot. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PointGetBenchmark {

  @Param("100000")
  int rows;

  BenchStore bench;
  StoreTransaction tx;
  byte[][] keys;
  final SplittableRandom random = new SplittableRandom(42);

  @Setup(Level.Trial)
  public void setUp() {
    bench = new BenchStore(false);
    bench.load(rows);
    tx = bench.store.begin();
    keys = new byte[rows][];
    for (int i = 0; i < rows; i++) {
      keys[i] = BenchStore.key(i);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    tx.rollback();
    bench.close();
  }

  @Benchmark
  public byte[] getUnderSnapshot() {
    return tx.get(keys[random.nextInt(rows)]);
  }
}
