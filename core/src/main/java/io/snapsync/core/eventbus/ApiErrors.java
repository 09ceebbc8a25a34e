package io.snapsync.core.eventbus;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;

/**
 * Failure codes of the event-bus API ({@code message.fail(code, body)}), HTTP-like; the body
 * is always {@link SnapsyncException#toJson} as JSON text.
 */
public final class ApiErrors {

  /** Malformed JSON, unknown op, missing or mistyped fields (08P01, 22023). */
  public static final int BAD_REQUEST = 400;
  /** Authentication failed (28P01, 28000). */
  public static final int UNAUTHORIZED = 401;
  /** Insufficient privilege (42501). */
  public static final int FORBIDDEN = 403;
  /** No such session on this node (08003). */
  public static final int NOT_FOUND = 404;
  /** Message larger than {@code eventbus.maxMessageBytes} (54000). */
  public static final int TOO_LARGE = 413;
  /** The statement failed (any other SQLSTATE). */
  public static final int STATEMENT_ERROR = 422;
  /** Internal error (XX000). */
  public static final int INTERNAL = 500;
  /** The node does not accept sessions (57P03) or is shutting down (57P01). */
  public static final int UNAVAILABLE = 503;

  /** 08003, PostgreSQL's connection_does_not_exist. */
  public static final String CONNECTION_DOES_NOT_EXIST = io.snapsync.core.error.SqlState.CONNECTION_DOES_NOT_EXIST;

  private ApiErrors() {
  }

  /** The failure code of an error raised while serving a request. */
  public static int codeOf(SnapsyncException e) {
    String s = e.sqlState();
    if (s.startsWith("28")) {
      return UNAUTHORIZED;
    }
    return switch (s) {
      case SqlState.INSUFFICIENT_PRIVILEGE -> FORBIDDEN;
      case CONNECTION_DOES_NOT_EXIST -> NOT_FOUND;
      case SqlState.INTERNAL_ERROR -> INTERNAL;
      case SqlState.CANNOT_CONNECT_NOW, SqlState.ADMIN_SHUTDOWN -> UNAVAILABLE;
      default -> STATEMENT_ERROR;
    };
  }
}
