package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;

/**
 * Turns one framed message (type byte and body) into its record. Bodies are checked whole:
 * a field that runs past the end or bytes left after the last field are 08P01 (not fatal:
 * framing is intact, so the connection goes on after the error).
 */
public final class FrontendDecoder {

  private FrontendDecoder() {
  }

  /**
   * True for the message types of the extended query protocol: after an error in one of them
   * the server skips to Sync; after any other error it answers ReadyForQuery at once.
   */
  public static boolean extendedProtocol(byte type) {
    return switch (type) {
      case 'P', 'B', 'D', 'E', 'C', 'H' -> true;
      default -> false;
    };
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
        r.end();
        return Sync.INSTANCE;
      case 'H':
        r.end();
        return Flush.INSTANCE;
      case 'X':
        return Terminate.INSTANCE;
      case 'p':
        return new PasswordMessage(body.getBytes());
      case 'F':
        return FunctionCall.INSTANCE;
      case 'd':
      case 'c':
      case 'f':
        return CopyOutsideCopy.INSTANCE;
      default:
        throw ProtocolException.fatal("pgwire.invalid_message_type", type & 0xFF);
    }
  }
}
