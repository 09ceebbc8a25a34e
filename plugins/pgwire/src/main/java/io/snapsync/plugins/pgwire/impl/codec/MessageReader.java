package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Reads the fields of one message body with bounds checks (08P01 on a short body). */
public final class MessageReader {

  private final Buffer body;
  private int pos;

  public MessageReader(Buffer body) {
    this.body = body;
  }

  /** Fails unless {@code n} more bytes are there (a lying length never wraps around). */
  private void need(int n) {
    if (n < 0 || n > body.length() - pos) {
      throw ProtocolException.malformed("pgwire.insufficient_data");
    }
  }

  public byte readByte() {
    need(1);
    return body.getByte(pos++);
  }

  public short readShort() {
    need(2);
    short v = body.getShort(pos);
    pos += 2;
    return v;
  }

  public int readInt() {
    need(4);
    int v = body.getInt(pos);
    pos += 4;
    return v;
  }

  public byte[] readBytes(int n) {
    need(n);
    byte[] b = body.getBytes(pos, pos + n);
    pos += n;
    return b;
  }

  /** A NUL-terminated UTF-8 string. */
  public String readCString() {
    for (int i = pos; i < body.length(); i++) {
      if (body.getByte(i) == 0) {
        String s = body.getString(pos, i, StandardCharsets.UTF_8.name());
        pos = i + 1;
        return s;
      }
    }
    throw ProtocolException.malformed("pgwire.invalid_string");
  }

  public int remaining() {
    return body.length() - pos;
  }

  /** Fails unless the whole body was read (PostgreSQL's "invalid message format"). */
  public void end() {
    if (pos != body.length()) {
      throw ProtocolException.malformed("pgwire.invalid_message_format");
    }
  }
}
