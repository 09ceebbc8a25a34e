package io.snapsync.core.sql.copy;

/** SQLSTATEs of COPY not in {@link io.snapsync.core.error.SqlState}. */
final class CopyErrors {

  /** 22P04 bad_copy_file_format. */
  static final String BAD_COPY_FORMAT = "22P04";
  /** 58P01 undefined_file. */
  static final String UNDEFINED_FILE = "58P01";
  /** 58030 io_error. */
  static final String IO_ERROR = "58030";
  /** 42602 invalid_name. */
  static final String INVALID_NAME = "42602";

  private CopyErrors() {
  }
}
