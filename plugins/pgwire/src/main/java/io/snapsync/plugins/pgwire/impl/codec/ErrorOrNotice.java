package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * 'E' ErrorResponse or 'N' NoticeResponse: identified fields (S severity, V non-localized
 * severity, C SQLSTATE, M message, D detail, H hint, P position, ...), in insertion order.
 */
public record ErrorOrNotice(boolean error, Map<Character, String> fields)
    implements BackendMessage {

  @Override
  public byte type() {
    return (byte) (error ? 'E' : 'N');
  }

  @Override
  public void writeBody(Buffer out) {
    fields.forEach((k, v) -> {
      if (v != null) {
        out.appendByte((byte) k.charValue());
        BackendMessage.writeCString(out, v);
      }
    });
    out.appendByte((byte) 0);
  }
}
