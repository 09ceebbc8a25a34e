package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/** Turns one framed message (type byte and body) into its record. */
public final class FrontendDecoder {

  private FrontendDecoder() {
  }

  public static FrontendMessage decode(byte type, Buffer body) {
    MessageReader r = new MessageReader(body);
    switch (type) {
      case 'Q':
        return Query.decode(r);
      case 'P':
        return Parse.decode(r);
      case 'B':
        return Bind.decode(r);
      case 'D':
        return Describe.decode(r);
      case 'E':
        return Execute.decode(r);
      case 'C':
        return Close.decode(r);
      case 'S':
        return Sync.INSTANCE;
      case 'H':
        return Flush.INSTANCE;
      case 'X':
        return Terminate.INSTANCE;
      case 'd':
        return new CopyData(body.copy());
      case 'c':
        return CopyDone.INSTANCE;
      case 'f':
        return CopyFail.decode(r);
      case 'p':
        return new PasswordMessage(body.getBytes());
      default:
        throw ProtocolException.fatal("pgwire.invalid_message_type", type & 0xFF);
    }
  }
}
