package io.snapsync.storage.impl;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.RocksDBException;

/**
 * Transaction numbers unique across restarts: a high-water mark is persisted (synced) one block
 * ahead of the numbers handed out, and numbering restarts from it after a reopen.
 */
final class TxidAllocator {

  static final byte[] META_TXID_HW = "txid_high_water".getBytes(StandardCharsets.UTF_8);
  private static final long BLOCK = 16_384;

  private final RocksHandles h;
  private final Guard guard;
  private final AtomicLong next = new AtomicLong();
  private volatile long limit;

  TxidAllocator(RocksHandles h, Guard guard) {
    this.h = h;
    this.guard = guard;
  }

  void recover() throws RocksDBException {
    byte[] hw = h.db.get(h.meta, META_TXID_HW);
    long start = hw == null ? 1 : KeyCodec.getLong(hw, 0);
    next.set(start);
    persist(start + BLOCK);
  }

  long next() {
    long id = next.getAndIncrement();
    if (id >= limit) {
      synchronized (this) {
        guard.enter();
        try {
          while (id >= limit) {
            persist(limit + BLOCK);
          }
        } catch (RocksDBException e) {
          throw RocksStore.io("persist txid high-water mark at " + h.path, e);
        } finally {
          guard.exit();
        }
      }
    }
    return id;
  }

  private void persist(long newLimit) throws RocksDBException {
    h.db.put(h.meta, h.syncWrite, META_TXID_HW, KeyCodec.longBytes(newLimit));
    limit = newLimit;
  }
}
