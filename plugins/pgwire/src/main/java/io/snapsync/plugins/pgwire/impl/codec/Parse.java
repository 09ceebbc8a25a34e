package io.snapsync.plugins.pgwire.impl.codec;

/** 'P': prepare {@code sql} as statement {@code name} ("" = unnamed) with parameter type OIDs. */
public record Parse(String name, String sql, int[] paramTypes) implements FrontendMessage {

  static Parse decode(MessageReader r) {
    String name = r.readCString();
    String sql = r.readCString();
    int n = r.readShort() & 0xFFFF;
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      types[i] = r.readInt();
    }
    r.end();
    return new Parse(name, sql, types);
  }
}
