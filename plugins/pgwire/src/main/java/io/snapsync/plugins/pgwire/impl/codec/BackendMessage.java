package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** A message to the client: a type byte, a length word and a body written by the message. */
public interface BackendMessage {

  byte type();

  void writeBody(Buffer out);

  /** Appends the whole message (type, length, body) to {@code out}. */
  default void encode(Buffer out) {
    out.appendByte(type());
    int lengthAt = out.length();
    out.appendInt(0);
    writeBody(out);
    out.setInt(lengthAt, out.length() - lengthAt);
  }

  static void writeCString(Buffer out, String s) {
    out.appendBytes(s.getBytes(StandardCharsets.UTF_8)).appendByte((byte) 0);
  }
}
