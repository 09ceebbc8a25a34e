package io.snapsync.core.error;

/** PostgreSQL message severities, in the order PostgreSQL ranks them. */
public enum Severity {
  DEBUG, LOG, INFO, NOTICE, WARNING, ERROR, FATAL, PANIC
}
