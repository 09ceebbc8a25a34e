package io.snapsync.bench;

import io.snapsync.storage.StoreTransaction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * Insert one new row and commit, with the WAL synced per commit or not. Run with
 * {@code -t N} to see several committers at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CommitBenchmark {

  @Param({"true", "false"})
  boolean sync;

  BenchStore bench;
  final AtomicLong next = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() {
    bench = new BenchStore(sync);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    bench.close();
  }

  @Benchmark
  public long insertAndCommit() {
    long i = next.getAndIncrement();
    StoreTransaction tx = bench.store.begin(bench.store.latestSnapshot());
    tx.put(BenchStore.key(i), BenchStore.value(i));
    return tx.commit();
  }
}
