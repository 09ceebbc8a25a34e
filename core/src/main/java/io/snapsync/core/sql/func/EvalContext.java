package io.snapsync.core.sql.func;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a function or cast may ask of the statement that evaluates it. One per statement
 * execution; used on the worker thread that runs the statement.
 */
public interface EvalContext {

  /** The session's {@code TimeZone} setting (display and conversion of timestamptz). */
  ZoneId timeZone();

  /** The session's {@code DateStyle} and {@code IntervalStyle} (date/time text in casts). */
  default io.snapsync.core.sql.types.PgStyle style() {
    return io.snapsync.core.sql.types.PgStyle.DEFAULT;
  }

  /** The start of the current transaction ({@code now()}, {@code current_timestamp}). */
  Instant transactionStart();

  /** The start of the current statement ({@code statement_timestamp()}). */
  Instant statementStart();

  /** The session user ({@code current_user}). */
  String user();

  /** A setting's current text ({@code current_setting}); fails with 42704 if unknown. */
  String setting(String name);

  /** Throws 57014 when the statement was cancelled; call inside long loops. */
  void checkCanceled();

  /** The database the session is connected to ({@code current_database()}). */
  default String database() {
    return "snapsync";
  }

  /**
   * Sets a setting for the session, or for the transaction when {@code local}
   * ({@code set_config}); returns the new value. Fails as {@code SET} would (42704 unknown,
   * 22023 bad value, ...). The default refuses: 0A000.
   */
  default String setConfig(String name, String value, boolean local) {
    throw io.snapsync.core.error.SnapsyncException.error(
        io.snapsync.core.error.SqlState.FEATURE_NOT_SUPPORTED, "functions.set_config_unsupported");
  }

  /**
   * The statement's store transaction, for catalog functions that read table definitions
   * ({@code pg_get_indexdef}); null when the caller has none.
   */
  default io.snapsync.storage.StoreTransaction storeTxn() {
    return null;
  }

  /**
   * The session's sequence functions ({@code nextval}, {@code currval}, {@code setval},
   * {@code lastval}) in the statement's transaction. The default refuses: 0A000.
   */
  default io.snapsync.core.sql.ddl.SequenceSession sequences() {
    throw io.snapsync.core.error.SnapsyncException.error(
        io.snapsync.core.error.SqlState.FEATURE_NOT_SUPPORTED, "ddl.unsupported",
        "SEQUENCE FUNCTIONS HERE");
  }

  /** The database running the statement, for user-defined routines; null when unknown. */
  default io.snapsync.core.sql.Database engine() {
    return null;
  }

  /** The node's system tables, for catalog functions ({@code regclassin}); null when unknown. */
  default io.snapsync.core.spi.SystemTableRegistry systemTables() {
    return null;
  }

  /** The session running the statement (DML inside routines); null when there is none. */
  default io.snapsync.core.sql.exec.SessionContext session() {
    return null;
  }

  /** Takes a notice a routine raised ({@code RAISE NOTICE}); the default drops it. */
  default void notice(io.snapsync.core.session.Notice n) {
  }
}
