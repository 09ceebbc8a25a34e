package io.snapsync.core.sql.exec;

import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.spi.StandardFunctionCall;
import io.snapsync.core.txn.TransactionBlock;
import io.vertx.core.Future;

/** What the executor needs of the session running a statement. */
public interface SessionContext extends StandardFunctionCall.Caller {

  String sessionId();

  String user();

  /** The coordinator that owns the client session (this node for a session opened here). */
  @Override
  String sessionNode();

  TransactionBlock txn();

  /** The database's sequences (their counters; definitions are read through {@link #txn}). */
  default io.snapsync.core.sql.ddl.Sequences sequences() {
    throw new UnsupportedOperationException("no sequences in this context");
  }

  SessionSettings settings();

  @Override
  String lcMessages();

  @Override
  boolean hasRole(String role);

  @Override
  default String setting(String name) {
    return settings().show(name);
  }

  /** Where COPY FROM STDIN / TO STDOUT exchange data; null when the session has none. */
  default io.snapsync.core.session.CopyChannel copyChannel() {
    return null;
  }

  /** The session itself: built-in functions reach the transaction through it. */
  @Override
  default Object internals() {
    return this;
  }

  /**
   * Throws the cancellation (57014) when the running statement was cancelled (by
   * {@link io.snapsync.core.session.Session#cancel()} or statement_timeout); called by long
   * loops between rows, on any thread.
   */
  default void checkCanceled() {
  }

  /**
   * A future that fails with the cancellation when the running statement is cancelled (it never
   * succeeds); null when the session cannot be cancelled. Waits (row locks) fail with it.
   */
  default Future<Void> canceled() {
    return null;
  }
}
