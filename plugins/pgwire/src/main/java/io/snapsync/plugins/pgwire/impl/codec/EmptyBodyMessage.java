package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** The backend messages without a body. */
public enum EmptyBodyMessage implements BackendMessage {
  /** '1'. */
  PARSE_COMPLETE('1'),
  /** '2'. */
  BIND_COMPLETE('2'),
  /** '3'. */
  CLOSE_COMPLETE('3'),
  /** 'n': the statement or portal returns no rows. */
  NO_DATA('n'),
  /** 's': Execute stopped at its row limit; the portal can go on. */
  PORTAL_SUSPENDED('s'),
  /** 'I': the query string was empty. */
  EMPTY_QUERY_RESPONSE('I');

  private final byte type;

  EmptyBodyMessage(char type) {
    this.type = (byte) type;
  }

  @Override
  public byte type() {
    return type;
  }

  @Override
  public void writeBody(Buffer out) {
  }
}
