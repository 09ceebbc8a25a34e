package io.snapsync.storage.impl;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A RocksDB iterator with the native objects it depends on, registered with the store so that
 * closing the store closes it. Close order: iterator, then read options, then bound slices.
 */
final class NativeIterator implements AutoCloseable {

  final RocksIterator it;
  private final ReadOptions readOptions;
  private final Slice lower;
  private final Slice upper;
  private final Set<NativeIterator> registry;
  private final Guard guard;
  private final AtomicBoolean closed = new AtomicBoolean();

  NativeIterator(RocksIterator it, ReadOptions readOptions, Slice lower, Slice upper,
      Set<NativeIterator> registry, Guard guard) {
    this.guard = guard;
    this.it = it;
    this.readOptions = readOptions;
    this.lower = lower;
    this.upper = upper;
    this.registry = registry;
    registry.add(this);
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Closes unless the store is closed (the store then closes every registered iterator). */
  @Override
  public void close() {
    if (!guard.tryEnter()) {
      return;
    }
    try {
      closeNative();
    } finally {
      guard.exit();
    }
  }

  /** Frees the native objects; the store calls it while closing. */
  void closeNative() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    registry.remove(this);
    it.close();
    readOptions.close();
    if (lower != null) {
      lower.close();
    }
    if (upper != null) {
      upper.close();
    }
  }
}
