package io.snapsync.plugins.pgwire.impl.codec;

import io.snapsync.core.error.SqlState;

/**
 * A frame that breaks the protocol. {@code fatal} ones end the connection (framing cannot be
 * trusted any more); the others fail the current message and the server skips to Sync.
 */
public final class ProtocolException extends RuntimeException {

  private final String messageId;
  private final transient Object[] args;
  private final boolean fatal;
  private final String sqlState;

  public ProtocolException(String sqlState, boolean fatal, String messageId, Object... args) {
    super(messageId, null, false, false);
    this.sqlState = sqlState;
    this.fatal = fatal;
    this.messageId = messageId;
    this.args = args;
  }

  /** A malformed message body (08P01, not fatal). */
  public static ProtocolException malformed(String messageId, Object... args) {
    return new ProtocolException(SqlState.PROTOCOL_VIOLATION, false, messageId, args);
  }

  /** A framing error (08P01, fatal). */
  public static ProtocolException fatal(String messageId, Object... args) {
    return new ProtocolException(SqlState.PROTOCOL_VIOLATION, true, messageId, args);
  }

  public String messageId() {
    return messageId;
  }

  public Object[] args() {
    return args;
  }

  public boolean fatal() {
    return fatal;
  }

  public String sqlState() {
    return sqlState;
  }
}
