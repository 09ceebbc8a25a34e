package io.snapsync.plugins.pgwire.impl.codec;

/** 'D': describe a statement ({@code 'S'}) or a portal ({@code 'P'}). */
public record Describe(char kind, String name) implements FrontendMessage {

  static Describe decode(MessageReader r) {
    char kind = (char) r.readByte();
    String name = r.readCString();
    r.end();
    if (kind != 'S' && kind != 'P') {
      throw ProtocolException.malformed("pgwire.invalid_describe_type", String.valueOf(kind));
    }
    return new Describe(kind, name);
  }
}
