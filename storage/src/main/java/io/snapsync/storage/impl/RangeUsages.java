package io.snapsync.storage.impl;

import io.snapsync.storage.RangeUsage;
import java.util.Arrays;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Counts, in one scan of the {@code mvcc} versions of the user keys {@code lo <= key < hi}, the
 * live rows (the newest version of a key is a row), the versions pending reclaim (every other
 * version, tombstones included) and their stored bytes. The caller holds the guard.
 */
final class RangeUsages {

  private RangeUsages() {
  }

  static RangeUsage compute(RocksHandles h, byte[] lo, byte[] hi) throws RocksDBException {
    byte[] from = KeyCodec.lowerBound(lo);
    byte[] to = KeyCodec.upperBound(hi);
    long live = 0;
    long dead = 0;
    long bytes = 0;
    try (RocksIterator it = h.db.newIterator(h.mvcc)) {
      byte[] group = null;
      for (it.seek(from); it.isValid(); it.next()) {
        byte[] k = it.key();
        if (Arrays.compareUnsigned(k, to) >= 0) {
          break;
        }
        byte[] v = it.value();
        bytes += k.length + v.length;
        boolean newest = group == null || !KeyCodec.samePrefix(group, k);
        if (newest) {
          group = k;
        }
        if (newest && !KeyCodec.isTombstone(v)) {
          live++;
        } else {
          dead++;
        }
      }
      it.status();
    }
    return new RangeUsage(live, dead, bytes);
  }
}
