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
}
