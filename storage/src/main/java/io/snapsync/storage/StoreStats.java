package io.snapsync.storage;

import java.util.Map;

/**
 * Counters of the store at one instant.
 *
 * @param liveSnapshots pinned snapshots
 * @param oldestSnapshotAgeMillis age of the oldest pin, 0 when none
 * @param versionsPendingReclaim superseded versions not yet reclaimed
 * @param versionsReclaimed versions reclaimed since open
 * @param lastCommitSeq the newest commit sequence number
 * @param rocksdb RocksDB properties and tickers (bytes read and written, keys, memtable,
 *     compaction, block cache hits and misses), by stable names
 * @param lockWaiters row-lock requests waiting now
 */
public record StoreStats(
    long liveSnapshots,
    long oldestSnapshotAgeMillis,
    long versionsPendingReclaim,
    long versionsReclaimed,
    long lastCommitSeq,
    Map<String, Long> rocksdb,
    int lockWaiters) {
}
