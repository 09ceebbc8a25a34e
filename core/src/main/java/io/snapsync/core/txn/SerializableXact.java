package io.snapsync.core.txn;

import java.util.HashSet;
import java.util.Set;

/**
 * What the {@link SerializableTracker} knows of one SERIALIZABLE transaction (PostgreSQL's
 * SERIALIZABLEXACT): its snapshot, its predicate reads and writes, its rw-antidependency edges
 * and the order numbers of its commit. A summary node stands for many old committed
 * transactions folded together. Guarded by the tracker's lock; never shared outside it.
 */
final class SerializableXact {

  enum State { ACTIVE, PREPARED, COMMITTED, ROLLED_BACK }

  /** Points and ranges kept per transaction before promotion (see {@link KeySet}). */
  static final int MAX_POINTS = 512;
  static final int MAX_RANGES = 64;

  long txid;
  final boolean summary;
  /** Declared READ ONLY, and eligible for the read-only rules (not an importer). */
  boolean readOnly;
  /** The store snapshot's commit sequence number. */
  long snapshotSeq;
  /** The tracker's order counter when the snapshot was taken. */
  long lastCommitBeforeSnapshot;
  State state = State.ACTIVE;
  long prepareSeq;
  long commitSeq;
  /** The store's commit sequence number of the writes; 0 when it wrote nothing. */
  long storeCommitSeq;
  boolean doomed;
  /** Committed with an rw-conflict out to a transaction that committed first. */
  boolean conflictOut;
  long earliestOutConflictCommit = Long.MAX_VALUE;
  /** A read-only transaction whose snapshot was found safe: it tracks nothing more. */
  boolean safe;
  /** A read-only transaction whose snapshot was found unsafe. */
  boolean unsafe;
  /** The 2PC gid once prepared by PREPARE TRANSACTION. */
  String gid;
  /**
   * Recovered after a restart from its prepared record, whose edges are lost: assumed to have
   * had an rw-conflict in and out (PostgreSQL's SXACT_FLAG_SUMMARY_CONFLICT_IN and _OUT).
   */
  boolean summaryConflictIn;
  boolean summaryConflictOut;

  final KeySet reads = new KeySet(MAX_POINTS, MAX_RANGES);
  final KeySet writes = new KeySet(MAX_POINTS, MAX_RANGES);
  /** Transactions that read what this one wrote, unseen: edges {@code in -> this}. */
  final Set<SerializableXact> inConflicts = new HashSet<>(2);
  /** Transactions that wrote what this one read, unseen: edges {@code this -> out}. */
  final Set<SerializableXact> outConflicts = new HashSet<>(2);
  /** Read-only: the read-write transactions whose outcome decides whether the snapshot is safe. */
  final Set<SerializableXact> possibleUnsafe = new HashSet<>(0);
  /** Read-write: the read-only transactions waiting on this one (the other side of the above). */
  final Set<SerializableXact> unsafeFor = new HashSet<>(0);

  SerializableXact(long txid, boolean summary) {
    this.txid = txid;
    this.summary = summary;
  }

  boolean isPrepared() {
    return state == State.PREPARED || state == State.COMMITTED;
  }

  boolean isCommitted() {
    return state == State.COMMITTED;
  }

  boolean isActiveOrPrepared() {
    return state == State.ACTIVE || state == State.PREPARED;
  }

  /**
   * True when this transaction and {@code other} overlapped: neither committed before the
   * other's snapshot. A writer's commit is compared with the snapshot exactly (store sequence
   * numbers); a read-only commit by the tracker's order.
   */
  boolean concurrentWith(SerializableXact other) {
    return !committedBefore(this, other) && !committedBefore(other, this);
  }

  /** True when {@code a} committed before {@code b}'s snapshot was taken. */
  static boolean committedBefore(SerializableXact a, SerializableXact b) {
    if (!a.isCommitted()) {
      return false;
    }
    if (a.summary) {
      return (a.storeCommitSeq == 0 || a.storeCommitSeq <= b.snapshotSeq)
          && a.commitSeq <= b.lastCommitBeforeSnapshot;
    }
    if (a.storeCommitSeq != 0) {
      return a.storeCommitSeq <= b.snapshotSeq;
    }
    return a.commitSeq <= b.lastCommitBeforeSnapshot;
  }

  @Override
  public String toString() {
    return (summary ? "summary" : "sxact " + txid) + " " + state;
  }
}
