package io.snapsync.core.sql.exec;

import io.snapsync.core.settings.SessionSettings;
import io.vertx.core.Future;
import io.snapsync.core.txn.TransactionBlock;

/** What the executor needs of the session running a statement. */
public interface SessionContext {

  String sessionId();

  String user();

  TransactionBlock txn();

  SessionSettings settings();

  String lcMessages();

  boolean hasRole(String role);

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
