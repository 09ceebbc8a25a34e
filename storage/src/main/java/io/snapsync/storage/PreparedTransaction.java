package io.snapsync.storage;

/**
 * A prepared (two-phase) transaction waiting for COMMIT PREPARED or ROLLBACK PREPARED.
 * {@code attachment} is what the transaction layer stored with it at prepare time (the core's
 * SERIALIZABLE read tracking), returned unchanged after a restart; null when none. Equality
 * compares the attachment by identity, like any array component.
 */
public record PreparedTransaction(String gid, long txid, String owner, long preparedAtMillis,
    byte[] attachment) {

  /** A prepared transaction without an attachment. */
  public PreparedTransaction(String gid, long txid, String owner, long preparedAtMillis) {
    this(gid, txid, owner, preparedAtMillis, null);
  }
}
