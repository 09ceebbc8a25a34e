package io.snapsync.storage.impl;

import io.snapsync.storage.KeyValue;
import java.util.ArrayDeque;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Walks the {@code mvcc} column family and yields, per user key, the newest version visible to
 * a snapshot, skipping tombstones. Not thread-safe. Reads in chunks, each under the store guard.
 */
final class VisibleCursor implements AutoCloseable {

  private final Guard guard;
  private final NativeIterator nit;
  private final long snapshotSeq;
  /** Key under the iterator, or null when the iterator is exhausted. */
  private byte[] current;
  private boolean started;
  private boolean exhausted;

  VisibleCursor(Guard guard, NativeIterator nit, long snapshotSeq) {
    this.guard = guard;
    this.nit = nit;
    this.snapshotSeq = snapshotSeq;
  }

  /** Appends up to {@code max} entries to {@code out}; false once nothing is left. */
  boolean fill(ArrayDeque<KeyValue> out, int max) {
    if (exhausted) {
      return false;
    }
    guard.enter();
    try {
      if (nit.isClosed()) {
        exhausted = true;
        return false;
      }
      RocksIterator it = nit.it;
      if (!started) {
        started = true;
        it.seekToFirst();
        current = it.isValid() ? it.key() : null;
      }
      int n = 0;
      while (n < max && current != null) {
        byte[] k = current;
        if (KeyCodec.seqOf(k) > snapshotSeq) {
          it.next();
          current = it.isValid() ? it.key() : null;
          continue;
        }
        byte[] v = it.value();
        it.next();
        current = it.isValid() ? it.key() : null;
        while (current != null && KeyCodec.samePrefix(k, current)) {
          it.next();
          current = it.isValid() ? it.key() : null;
        }
        if (!KeyCodec.isTombstone(v)) {
          out.addLast(new KeyValue(KeyCodec.userKey(k), KeyCodec.payload(v)));
          n++;
        }
      }
      if (current == null) {
        it.status();
        exhausted = true;
      }
      return n > 0 || !exhausted;
    } catch (RocksDBException e) {
      throw RocksStore.io("scan of mvcc rows", e);
    } finally {
      guard.exit();
    }
  }

  @Override
  public void close() {
    nit.close();
  }
}
