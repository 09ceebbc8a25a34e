package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** 'G' CopyInResponse / 'H' CopyOutResponse: the overall format and one format per column. */
public record CopyResponse(boolean in, boolean binary, int columns) implements BackendMessage {

  public static CopyResponse in(boolean binary, int columns) {
    return new CopyResponse(true, binary, columns);
  }

  public static CopyResponse out(boolean binary, int columns) {
    return new CopyResponse(false, binary, columns);
  }

  @Override
  public byte type() {
    return (byte) (in ? 'G' : 'H');
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendByte((byte) (binary ? 1 : 0));
    out.appendShort((short) columns);
    for (int i = 0; i < columns; i++) {
      out.appendShort((short) (binary ? 1 : 0));
    }
  }
}
