package io.snapsync.core.sql.exec;

import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.txn.TransactionBlock;

/** What the executor needs of the session running a statement. */
public interface SessionContext {

  String sessionId();

  String user();

  TransactionBlock txn();

  SessionSettings settings();

  String lcMessages();

  boolean hasRole(String role);
}
