package io.snapsync.core.txn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What PREPARE TRANSACTION of a SERIALIZABLE transaction persists with the prepared record so
 * that its read tracking survives a restart, as PostgreSQL's 2PC state file keeps the
 * prepared transaction's SIREAD locks ({@code predicatelock_twophase_recover}): its predicate
 * reads, its writes, its snapshot and its flags (read-only, had an rw-conflict in or out).
 * The edges themselves are not kept; a recovered transaction assumes both conflicts, as
 * PostgreSQL does, since edges formed after PREPARE are in no record.
 */
final class PreparedSerializableState {

  private static final int VERSION = 1;
  private static final int READ_ONLY = 1;
  private static final int CONFLICT_IN = 2;
  private static final int CONFLICT_OUT = 4;

  private PreparedSerializableState() {
  }

  /** The attachment for the prepared record of {@code x}. Called under the tracker's lock. */
  static byte[] encode(SerializableXact x) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeByte((x.readOnly ? READ_ONLY : 0)
          | (x.inConflicts.isEmpty() && !x.summaryConflictIn ? 0 : CONFLICT_IN)
          | (x.outConflicts.isEmpty() && !x.summaryConflictOut ? 0 : CONFLICT_OUT));
      out.writeLong(x.snapshotSeq);
      x.reads.writeTo(out);
      x.writes.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A PREPARED transaction rebuilt from {@code data}; null when the attachment is not this
   * state (a version this build does not know is ignored: the transaction is then untracked).
   */
  static SerializableXact decode(long txid, byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      if (in.readUnsignedByte() != VERSION) {
        return null;
      }
      int flags = in.readUnsignedByte();
      SerializableXact x = new SerializableXact(txid, false);
      x.readOnly = (flags & READ_ONLY) != 0;
      x.snapshotSeq = in.readLong();
      x.reads.readFrom(in);
      x.writes.readFrom(in);
      x.state = SerializableXact.State.PREPARED;
      x.summaryConflictIn = true;
      x.summaryConflictOut = true;
      return x;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
