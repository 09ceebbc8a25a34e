package io.snapsync.storage;

/**
 * An MVCC snapshot: a tiny immutable value. A committed version is visible to a snapshot when
 * its commit sequence number is less than or equal to {@link #commitSeq()}.
 *
 * <p>Snapshots can be copied freely (to another transaction, another session, over the event
 * bus as a number). Whether the versions a snapshot sees are kept is decided by
 * {@link Store#pin(Snapshot)}: a snapshot that is not pinned may lose versions to reclaim.
 *
 * @param commitSeq the highest commit sequence number visible to this snapshot
 */
public record Snapshot(long commitSeq) implements Comparable<Snapshot> {

  @Override
  public int compareTo(Snapshot other) {
    return Long.compare(commitSeq, other.commitSeq);
  }
}
