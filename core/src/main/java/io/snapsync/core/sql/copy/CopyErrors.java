package io.snapsync.core.sql.copy;

/** SQLSTATEs of COPY not in {@link io.snapsync.core.error.SqlState}. */
final class CopyErrors {

  /** 22P04 bad_copy_file_format. */
  static final String BAD_COPY_FORMAT = io.snapsync.core.error.SqlState.BAD_COPY_FILE_FORMAT;
  /** 58P01 undefined_file. */
  static final String UNDEFINED_FILE = io.snapsync.core.error.SqlState.UNDEFINED_FILE;
  /** 58030 io_error. */
  static final String IO_ERROR = io.snapsync.core.error.SqlState.IO_ERROR;
  /** 42602 invalid_name. */
  static final String INVALID_NAME = io.snapsync.core.error.SqlState.INVALID_NAME;

  private CopyErrors() {
  }
}
