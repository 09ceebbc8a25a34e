package io.snapsync.core.sql.copy;

import java.nio.charset.StandardCharsets;

/** The input quoted in a COPY error's CONTEXT line, cut as PostgreSQL cuts it (100 bytes). */
final class CopyContext {

  static final int MAX_BYTES = 100;

  private CopyContext() {
  }

  static String shown(byte[] data, int length) {
    return shown(new String(data, 0, length, StandardCharsets.UTF_8));
  }

  static String shown(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length <= MAX_BYTES) {
      return s;
    }
    int n = MAX_BYTES;
    while (n > 0 && (b[n] & 0xc0) == 0x80) {
      n--;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8) + "...";
  }
}
