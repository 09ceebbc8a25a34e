package io.snapsync.core.sql.exec;

import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.spi.StandardFunctionCall;
import io.snapsync.core.txn.TransactionBlock;

/** What the executor needs of the session running a statement. */
public interface SessionContext extends StandardFunctionCall.Caller {

  String sessionId();

  String user();

  /** The coordinator that owns the client session (this node for a session opened here). */
  @Override
  String sessionNode();

  TransactionBlock txn();

  SessionSettings settings();

  @Override
  String lcMessages();

  @Override
  boolean hasRole(String role);

  @Override
  default String setting(String name) {
    return settings().show(name);
  }

  /** The session itself: built-in functions reach the transaction through it. */
  @Override
  default Object internals() {
    return this;
  }
}
