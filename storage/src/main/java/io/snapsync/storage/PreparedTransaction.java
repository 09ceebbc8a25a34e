package io.snapsync.storage;

/** A prepared (two-phase) transaction waiting for COMMIT PREPARED or ROLLBACK PREPARED. */
public record PreparedTransaction(String gid, long txid, String owner, long preparedAtMillis) {
}
