package io.snapsync.core.txn;

import io.snapsync.core.txn.SerializationFailures.Reason;

/**
 * The dangerous-structure rules of serializable snapshot isolation (Cahill, Röhm and Fekete,
 * with PostgreSQL's refinements in {@code predicate.c}): a transaction with an rw-conflict in
 * and an rw-conflict out is a pivot, and a pivot whose out-conflict committed first must not
 * commit. Read-only transactions and commit order cut false positives as in PostgreSQL.
 * Called under the tracker's lock only.
 */
final class ConflictRules {

  private ConflictRules() {
  }

  /**
   * Records {@code reader -rw-> writer} (the reader did not see the writer's write) and
   * cancels a transaction when that completes a dangerous structure: throws when the one to
   * cancel is {@code me}, else dooms the writer (it fails at its next step).
   */
  static void flag(SerializableXact reader, SerializableXact writer, SerializableXact me) {
    if (reader == writer || reader.outConflicts.contains(writer)) {
      return;
    }
    if (me == reader && writer.summaryConflictOut) {
      // the writer has a conflict out to a transaction that committed first, at an unknown time
      if (writer.isPrepared()) {
        throw SerializationFailures.failure(Reason.CONFLICT_OUT_TO_OLD_PIVOT, writer.txid);
      }
      writer.doomed = true;
      return;
    }
    reader.outConflicts.add(writer);
    writer.inConflicts.add(reader);
    if (!dangerous(reader, writer)) {
      return;
    }
    if (me == writer) {
      throw SerializationFailures.failure(Reason.PIVOT_DURING_WRITE, writer.txid);
    }
    if (writer.isPrepared()) {
      throw SerializationFailures.failure(Reason.CONFLICT_OUT_TO_PIVOT, writer.txid);
    }
    writer.doomed = true;
  }

  private static boolean dangerous(SerializableXact reader, SerializableXact writer) {
    // R -> W -> T2 with W already committed and T2 committed before it.
    if (writer.isCommitted() && (writer.conflictOut || writer.summaryConflictOut)) {
      return true;
    }
    if (writer.summaryConflictOut) {
      return true;
    }
    // R -> W -> T2 where T2 committed (or is committing) first.
    for (SerializableXact t2 : writer.outConflicts) {
      if (t2.isPrepared()
          && (!reader.isCommitted() || t2.prepareSeq <= reader.commitSeq)
          && (!writer.isCommitted() || t2.prepareSeq <= writer.commitSeq)
          && (!reader.readOnly || t2.prepareSeq <= reader.lastCommitBeforeSnapshot)) {
        return true;
      }
    }
    // T0 -> R -> W with W committing first: the reader became a pivot.
    if (writer.isPrepared() && !reader.readOnly) {
      if (reader.summaryConflictIn) {
        return true;
      }
      for (SerializableXact t0 : reader.inConflicts) {
        if (!t0.doomed
            && (!t0.isCommitted() || t0.commitSeq >= writer.prepareSeq)
            && (!t0.readOnly || t0.lastCommitBeforeSnapshot >= writer.prepareSeq)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Before {@code me} commits (or prepares): fails when it was doomed; dooms each active
   * pivot {@code T0 -> R -> me} that can no longer be serialized once {@code me} commits first.
   */
  static void preCommit(SerializableXact me) {
    if (me.doomed) {
      throw SerializationFailures.failure(Reason.PIVOT_DURING_COMMIT, me.txid);
    }
    for (SerializableXact near : me.inConflicts) {
      if (near.isCommitted() || near.doomed) {
        continue;
      }
      for (SerializableXact far : near.inConflicts) {
        if (far == me || (!far.isCommitted() && !far.readOnly && !far.doomed)) {
          if (near.isPrepared()) {
            throw SerializationFailures.failure(Reason.PREPARED_PIVOT, near.txid);
          }
          near.doomed = true;
          break;
        }
      }
    }
  }

  /**
   * A read-only reader of a committed writer can ignore the conflict when the writer has no
   * out-conflict to a transaction committed before the reader's snapshot: the reader then
   * appears to run before the writer.
   */
  static boolean readOnlyMayIgnore(SerializableXact reader, SerializableXact writer) {
    return reader.readOnly && writer.isCommitted() && !writer.summaryConflictOut
        && (!writer.conflictOut
            || reader.lastCommitBeforeSnapshot < writer.earliestOutConflictCommit);
  }
}
