package io.snapsync.storage;

import io.vertx.core.Future;

/**
 * A read-write MVCC transaction. Reads see the transaction's snapshot overlaid with its own
 * writes; writes are buffered until {@link #commit()} and need the row lock of their key
 * ({@link #lock(byte[], boolean)}).
 *
 * <p>Not thread-safe: one caller at a time (a session runs one statement at a time). All methods
 * except {@link #lock} may do RocksDB I/O and must run on a worker thread, never an event loop.
 */
public interface StoreTransaction {

  /** The transaction number, unique across restarts of the store. */
  long txid();

  Snapshot snapshot();

  /**
   * Replaces the snapshot (an import installs one). Fails with
   * {@link StorageException.Kind#SERIALIZATION_FAILURE} when the snapshot is older than a
   * reclaim that ran while nothing kept it (see {@link Store#begin(Snapshot)}).
   */
  void setSnapshot(Snapshot snapshot);

  /**
   * Moves to the store's latest snapshot, atomically with respect to reclaim, and returns it
   * (READ COMMITTED: once per statement).
   */
  Snapshot useLatestSnapshot();

  /** The value visible to this transaction, or {@code null}. */
  byte[] get(byte[] key);

  /** Visible entries with {@code from <= key < to} in key order ({@code to == null}: no end). */
  CloseableIterator<KeyValue> scan(byte[] from, byte[] to);

  /**
   * Takes the row lock of {@code key} for this transaction; completes when granted (at once if
   * free or already held). Fails with {@link StorageException.Kind#DEADLOCK} or
   * {@link StorageException.Kind#LOCK_TIMEOUT}. With {@code failIfChangedSinceSnapshot}, fails
   * with {@link StorageException.Kind#SERIALIZATION_FAILURE} once granted if the key's newest
   * committed version is newer than the snapshot (REPEATABLE READ / SERIALIZABLE writers).
   * Never blocks the calling thread. Requested on a Vert.x context, the future completes on
   * that context. The lock stays held after such a failure until the transaction ends.
   */
  Future<Void> lock(byte[] key, boolean failIfChangedSinceSnapshot);

  /** The newest committed value of {@code key} regardless of the snapshot, or {@code null}. */
  byte[] latestCommitted(byte[] key);

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /** Marks the current write position; returns a handle for {@link #rollbackTo}. */
  int savepoint();

  /** Discards writes made after the savepoint (the savepoint stays usable). */
  void rollbackTo(int savepoint);

  /** True when the transaction buffered no writes. */
  boolean isReadOnly();

  /** Commits durably; returns the commit sequence number (or the snapshot's if read-only). */
  long commit();

  /** Discards writes and releases locks. Idempotent. */
  void rollback();

  /**
   * Makes the transaction durable as prepared under {@code gid} (owner: the session user): it survives a crash with its
   * writes and row locks and is finished by {@link Store#commitPrepared} or
   * {@link Store#rollbackPrepared}. This object is unusable afterwards.
   */
  default void prepare(String gid, String owner) {
    prepare(gid, owner, null);
  }

  /**
   * {@link #prepare(String, String)} that also persists {@code attachment} (opaque bytes, null
   * for none) with the prepared record; {@link Store#preparedTransactions} returns it, also
   * after a restart.
   */
  void prepare(String gid, String owner, byte[] attachment);
}
