package io.snapsync.core.sql.copy;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** PostgreSQL's errors for COPY's server files. */
final class FileErrors {

  private FileErrors() {
  }

  /** {@code could not open file "p" for reading|writing: <reason>}. */
  static SnapsyncException open(String path, String id, IOException e) {
    String state = e instanceof NoSuchFileException ? CopyErrors.UNDEFINED_FILE
        : e instanceof AccessDeniedException ? SqlState.INSUFFICIENT_PRIVILEGE
            : CopyErrors.IO_ERROR;
    String reason = e instanceof NoSuchFileException ? "No such file or directory"
        : e instanceof AccessDeniedException ? "Permission denied"
        : String.valueOf(e.getMessage());
    return SnapsyncException.error(state, id, path, reason).withCause(e);
  }
}
