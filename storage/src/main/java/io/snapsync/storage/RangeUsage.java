package io.snapsync.storage;

/**
 * What the committed versions of a key range hold at one instant: the rows the latest state
 * has, the superseded versions and tombstones reclaim has not removed yet, and the stored size
 * of them all (key plus value, as stored).
 *
 * @param liveRows keys whose newest committed version is a row (not a tombstone)
 * @param deadVersions versions pending reclaim: superseded versions and tombstones
 * @param bytes the stored size of every version in the range
 */
public record RangeUsage(long liveRows, long deadVersions, long bytes) {

  /** Nothing stored. */
  public static final RangeUsage EMPTY = new RangeUsage(0, 0, 0);
}
