package io.snapsync.core.session;

/** Transaction state of a session, as in PostgreSQL's ReadyForQuery (I, T, E). */
public enum TransactionStatus {
  IDLE('I'), IN_BLOCK('T'), FAILED('E');

  private final char code;

  TransactionStatus(char code) {
    this.code = code;
  }

  public char code() {
    return code;
  }
}
