package io.snapsync.plugins.pgwire.impl.codec;

/** 'C': close a statement ({@code 'S'}) or a portal ({@code 'P'}). */
public record Close(char kind, String name) implements FrontendMessage {

  static Close decode(MessageReader r) {
    char kind = (char) r.readByte();
    String name = r.readCString();
    r.end();
    if (kind != 'S' && kind != 'P') {
      throw ProtocolException.malformed("pgwire.invalid_close_type", String.valueOf(kind));
    }
    return new Close(kind, name);
  }
}
