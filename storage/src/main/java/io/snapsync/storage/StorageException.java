package io.snapsync.storage;

/**
 * The one exception type of the storage module. {@link Kind} tells callers (the SQL layer)
 * which SQLSTATE and catalog message to report; the text is for logs only.
 */
public class StorageException extends RuntimeException {

  /** What went wrong, as callers need to distinguish it. */
  public enum Kind {
    /** A write conflicts with a version committed after the transaction's snapshot (40001). */
    SERIALIZATION_FAILURE,
    /** Waiting for a row lock would deadlock (40P01). */
    DEADLOCK,
    /** A row lock was not granted within the lock timeout (55P03). */
    LOCK_TIMEOUT,
    /** A prepared transaction with this gid exists already (42710). */
    DUPLICATE_GID,
    /** No prepared transaction with this gid (42704). */
    UNKNOWN_GID,
    /** The transaction is no longer usable (committed, rolled back, prepared). */
    TRANSACTION_CLOSED,
    /** The store is closed. */
    CLOSED,
    /** RocksDB or the file system failed (58030). */
    IO
  }

  private final Kind kind;
  private final boolean concurrentDelete;

  public StorageException(Kind kind, String message) {
    this(kind, message, false);
  }

  /**
   * A {@link Kind#SERIALIZATION_FAILURE} whose newer committed version is a deletion when
   * {@code concurrentDelete} (PostgreSQL then says "concurrent delete", not "update").
   */
  public StorageException(Kind kind, String message, boolean concurrentDelete) {
    super(message);
    this.kind = kind;
    this.concurrentDelete = concurrentDelete;
  }

  public StorageException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.concurrentDelete = false;
  }

  /** True when the conflicting newer version is a deletion. */
  public boolean concurrentDelete() {
    return concurrentDelete;
  }

  public Kind kind() {
    return kind;
  }
}
