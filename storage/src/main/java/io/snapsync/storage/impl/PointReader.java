package io.snapsync.storage.impl;

import java.util.Arrays;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Point reads of one transaction through one cached iterator. A RocksDB iterator sees the
 * database as of its creation (or last refresh); it serves a snapshot seq when the store had
 * published at least that seq before the iterator was created, since publication follows the
 * write. Not thread-safe.
 */
final class PointReader implements AutoCloseable {

  private final RocksStore store;
  private NativeIterator nit;
  private long covers = -1;

  PointReader(RocksStore store) {
    this.store = store;
  }

  /** The payload of the newest version of {@code key} with seq {@code <= seq}, or null. */
  byte[] visible(byte[] key, long seq) {
    store.guard().enter();
    try {
      if (nit == null || covers < seq) {
        long last = store.lastSeq();
        if (nit == null) {
          nit = store.newMvccIterator(null, null);
        } else {
          nit.it.refresh();
        }
        covers = last;
      }
      return find(nit.it, key, seq);
    } catch (RocksDBException e) {
      throw RocksStore.io("point read of mvcc row", e);
    } finally {
      store.guard().exit();
    }
  }

  /** Seeks the newest version of {@code key} at or below {@code seq}; returns its payload. */
  static byte[] find(RocksIterator it, byte[] key, long seq) throws RocksDBException {
    byte[] target = KeyCodec.encode(key, seq);
    it.seek(target);
    if (!it.isValid()) {
      it.status();
      return null;
    }
    byte[] k = it.key();
    int p = KeyCodec.prefixLength(target);
    if (k.length != target.length || !Arrays.equals(k, 0, p, target, 0, p)) {
      return null;
    }
    byte[] v = it.value();
    return KeyCodec.isTombstone(v) ? null : KeyCodec.payload(v);
  }

  @Override
  public void close() {
    if (nit != null) {
      nit.close();
      nit = null;
    }
  }
}
