package io.snapsync.storage.impl;

import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Deletes versions no snapshot can see. Per user key it keeps every version newer than the
 * horizon and the newest version at or below it (unless that one is a tombstone); the rest go.
 * Versions newer than the horizon include every commit still in flight.
 */
final class Reclaimer {

  private static final int BATCH = 1000;

  private final RocksHandles h;
  private final Guard guard;
  private final Versions versions;

  Reclaimer(RocksHandles h, Guard guard, Versions versions) {
    this.h = h;
    this.guard = guard;
    this.versions = versions;
  }

  /** Reclaims below {@code horizon}; returns how many versions were deleted. */
  synchronized long reclaim(java.util.function.LongSupplier horizonSupplier) {
    guard.enter();
    try (RocksIterator it = h.db.newIterator(h.mvcc);
        org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch()) {
      long horizon = horizonSupplier.getAsLong();
      long deleted = 0;
      byte[] group = null;
      boolean decided = false;
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] k = it.key();
        if (group == null || !KeyCodec.samePrefix(group, k)) {
          group = k;
          decided = false;
        }
        if (KeyCodec.seqOf(k) > horizon) {
          continue;
        }
        boolean drop = decided || KeyCodec.isTombstone(it.value());
        decided = true;
        if (drop) {
          batch.delete(h.mvcc, k);
          deleted++;
          if (batch.count() >= BATCH) {
            h.db.write(h.plainWrite, batch);
            batch.clear();
          }
        }
      }
      it.status();
      if (batch.count() > 0) {
        h.db.write(h.plainWrite, batch);
      }
      versions.reclaimed.addAndGet(deleted);
      versions.pending.addAndGet(-deleted);
      return deleted;
    } catch (RocksDBException e) {
      throw RocksStore.io("reclaim of old versions at " + h.path, e);
    } finally {
      guard.exit();
    }
  }
}
