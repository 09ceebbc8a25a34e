package io.snapsync.core.session;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;

/** A NOTICE or WARNING sent along with a result; texts come from the catalog. */
public record Notice(Severity severity, String sqlState, Message message, Message detail,
    Message hint) {

  public static Notice of(Severity severity, String sqlState, String id, Object... args) {
    return new Notice(severity, sqlState, Message.of(id, args), null, null);
  }
}
