package io.snapsync.plugins.pgwire.impl.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * 'B': binds a prepared statement's parameters into a portal. {@code values} elements are null
 * for SQL NULL. Format code lists follow the protocol: empty = all text, one = for all.
 */
public record Bind(String portal, String statement, short[] paramFormats, List<byte[]> values,
    short[] resultFormats) implements FrontendMessage {

  static Bind decode(MessageReader r) {
    String portal = r.readCString();
    String statement = r.readCString();
    short[] paramFormats = readShorts(r);
    int n = r.readShort() & 0xFFFF;
    List<byte[]> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = r.readInt();
      values.add(len == -1 ? null : r.readBytes(len));
    }
    short[] resultFormats = readShorts(r);
    r.end();
    return new Bind(portal, statement, paramFormats, values, resultFormats);
  }

  private static short[] readShorts(MessageReader r) {
    int n = r.readShort() & 0xFFFF;
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = r.readShort();
    }
    return s;
  }

  /** The format of parameter {@code i} (0 text, 1 binary). */
  public int paramFormat(int i) {
    return format(paramFormats, i);
  }

  /** The format asked for result column {@code i}. */
  public int resultFormat(int i) {
    return format(resultFormats, i);
  }

  static int format(short[] formats, int i) {
    if (formats.length == 0) {
      return 0;
    }
    return formats.length == 1 ? formats[0] : i < formats.length ? formats[i] : 0;
  }
}
