package io.snapsync.storage.impl;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Reads of the newest version of a key regardless of snapshots, and the version counters.
 *
 * <p>{@link #pending}: versions a reclaim without pins would delete, i.e. every version except
 * each key's newest live (non-tombstone) one. {@link #reclaimed}: versions deleted since open.
 */
final class Versions {

  final AtomicLong pending = new AtomicLong();
  final AtomicLong reclaimed = new AtomicLong();

  private Versions() {
  }

  static Versions create() {
    return new Versions();
  }

  /** The raw value (type byte + payload) of the newest version of {@code key}, or null. */
  static byte[] newestValue(RocksIterator it, byte[] key) throws RocksDBException {
    byte[] k = seekNewest(it, key);
    return k == null ? null : it.value();
  }

  /** Positions {@code it} on the newest version of {@code key}; returns its encoded key. */
  static byte[] seekNewest(RocksIterator it, byte[] key) throws RocksDBException {
    byte[] prefix = KeyCodec.groupPrefix(key);
    it.seek(prefix);
    if (!it.isValid()) {
      it.status();
      return null;
    }
    byte[] k = it.key();
    if (k.length != prefix.length + KeyCodec.SEQ_BYTES
        || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
      return null;
    }
    return k;
  }

  /**
   * How a new version changes {@link #pending}, given the key's newest version before it
   * ({@code before}, raw value or null): the new version adds one version; an old live newest
   * becomes superseded; a new tombstone is itself pending.
   */
  static long pendingDelta(byte[] before, boolean newIsPut) {
    return (newIsPut ? 0 : 1) + (before != null && !KeyCodec.isTombstone(before) ? 1 : 0);
  }

  /**
   * One scan of {@code mvcc} at open: sets {@link #pending} and returns the highest commit seq
   * present.
   */
  long scan(RocksDB db, org.rocksdb.ColumnFamilyHandle mvcc) throws RocksDBException {
    long versions = 0;
    long live = 0;
    long maxSeq = 0;
    try (RocksIterator it = db.newIterator(mvcc)) {
      byte[] group = null;
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] k = it.key();
        versions++;
        maxSeq = Math.max(maxSeq, KeyCodec.seqOf(k));
        if (group == null || !KeyCodec.samePrefix(group, k)) {
          group = k;
          if (!KeyCodec.isTombstone(it.value())) {
            live++;
          }
        }
      }
      it.status();
    }
    pending.set(versions - live);
    return maxSeq;
  }
}
