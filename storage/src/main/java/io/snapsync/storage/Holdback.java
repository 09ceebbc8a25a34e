package io.snapsync.storage;

/**
 * What one pinned snapshot keeps from reclaim: the row versions (and their bytes, key plus
 * value as stored) a reclaim would delete were no snapshot pinned, but must keep while this
 * one is. Versions needed by several snapshots count for each of them, so releasing one frees
 * its versions only when no older snapshot needs them too.
 *
 * @param versions versions kept for this snapshot
 * @param bytes their stored size
 */
public record Holdback(long versions, long bytes) {
}
