package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** 'v': the newest minor protocol version supported and the options not recognized. */
public record NegotiateProtocolVersion(int newestMinor, List<String> unrecognized)
    implements BackendMessage {

  @Override
  public byte type() {
    return 'v';
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendInt(newestMinor).appendInt(unrecognized.size());
    unrecognized.forEach(o -> BackendMessage.writeCString(out, o));
  }
}
