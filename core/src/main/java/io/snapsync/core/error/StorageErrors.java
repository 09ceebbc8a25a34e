package io.snapsync.core.error;

import io.snapsync.storage.StorageException;

/** Maps {@link StorageException}s to the SQLSTATEs and catalog messages users see. */
public final class StorageErrors {

  private StorageErrors() {
  }

  public static SnapsyncException translate(StorageException e) {
    return translate(e, "");
  }

  public static SnapsyncException translate(StorageException e, String gid) {
    SnapsyncException x = switch (e.kind()) {
      case SERIALIZATION_FAILURE -> SnapsyncException.error(SqlState.SERIALIZATION_FAILURE,
          e.concurrentDelete() ? "snapshot.concurrent_delete" : "sql.serialization_failure");
      case DEADLOCK -> SnapsyncException.error(SqlState.DEADLOCK_DETECTED, "sql.deadlock");
      case LOCK_TIMEOUT -> SnapsyncException.error(SqlState.LOCK_NOT_AVAILABLE,
          "sql.lock_timeout");
      case DUPLICATE_GID -> SnapsyncException.error(SqlState.DUPLICATE_OBJECT, "sql.gid_in_use",
          gid);
      case UNKNOWN_GID -> SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "sql.gid_not_exist",
          gid);
      case TRANSACTION_CLOSED -> SnapsyncException.error(SqlState.INVALID_TRANSACTION_STATE,
          "sql.transaction_closed");
      case CLOSED -> SnapsyncException.error(SqlState.ADMIN_SHUTDOWN, "sql.store_closed");
      case IO -> SnapsyncException.error(SqlState.IO_ERROR, "sql.io_error", e.getMessage());
    };
    return x.withCause(e);
  }
}
