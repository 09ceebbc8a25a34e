package io.snapsync.storage.impl;

import io.snapsync.storage.Holdback;
import io.snapsync.storage.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Counts, in one scan of {@code mvcc}, the versions each snapshot keeps from reclaim, by the
 * {@link Reclaimer}'s own rule: at horizon {@code h} a version of seq {@code s} is kept when
 * {@code s > h}, or when it is the newest at or below {@code h} and not a tombstone. So a
 * version a reclaim without pins deletes is kept by a snapshot {@code h} exactly when
 * {@code h < t}, with {@code t} the seq of the next newer version for a live version and its own
 * seq for a tombstone. The caller holds the guard.
 */
final class Holdbacks {

  private Holdbacks() {
  }

  static List<Holdback> compute(RocksHandles h, List<Snapshot> snapshots)
      throws RocksDBException {
    long[] seqs = snapshots.stream().mapToLong(Snapshot::commitSeq).sorted().distinct()
        .toArray();
    // versions[k] and bytes[k]: kept by exactly the k oldest distinct snapshots.
    long[] versions = new long[seqs.length + 1];
    long[] bytes = new long[seqs.length + 1];
    if (seqs.length > 0) {
      try (RocksIterator it = h.db.newIterator(h.mvcc)) {
        byte[] group = null;
        long newer = Long.MAX_VALUE;
        for (it.seekToFirst(); it.isValid(); it.next()) {
          byte[] k = it.key();
          long seq = KeyCodec.seqOf(k);
          byte[] v = it.value();
          boolean live = !KeyCodec.isTombstone(v);
          boolean newest = group == null || !KeyCodec.samePrefix(group, k);
          if (newest) {
            group = k;
          }
          if (!(newest && live)) {
            long threshold = live ? newer : seq;
            int k0 = countBelow(seqs, threshold);
            versions[k0]++;
            bytes[k0] += k.length + v.length;
          }
          newer = seq;
        }
        it.status();
      }
    }
    long[] heldVersions = new long[seqs.length];
    long[] heldBytes = new long[seqs.length];
    long accV = 0;
    long accB = 0;
    for (int j = seqs.length - 1; j >= 0; j--) {
      accV += versions[j + 1];
      accB += bytes[j + 1];
      heldVersions[j] = accV;
      heldBytes[j] = accB;
    }
    List<Holdback> out = new ArrayList<>(snapshots.size());
    for (Snapshot s : snapshots) {
      int j = Arrays.binarySearch(seqs, s.commitSeq());
      out.add(new Holdback(heldVersions[j], heldBytes[j]));
    }
    return out;
  }

  /** How many of the sorted {@code seqs} are below {@code threshold}. */
  private static int countBelow(long[] seqs, long threshold) {
    int lo = 0;
    int hi = seqs.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (seqs[mid] < threshold) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
