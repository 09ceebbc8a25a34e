package io.snapsync.core.sql.types;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** bytea input in hex ({@code \x0a0b}) and escape form, hex output. */
final class Byteas {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Byteas() {
  }

  static byte[] parse(String text) {
    if (text.startsWith("\\x") || text.startsWith("\\X")) {
      return hex(text);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      byte b = utf8[i];
      if (b != '\\') {
        out.write(b);
      } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
        out.write('\\');
        i++;
      } else if (i + 3 < utf8.length && octal(utf8[i + 1], '3') && octal(utf8[i + 2], '7')
          && octal(utf8[i + 3], '7')) {
        out.write(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0'));
        i += 3;
      } else {
        throw SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION,
            "types.invalid_bytea");
      }
    }
    return out.toByteArray();
  }

  private static boolean octal(byte b, char max) {
    return b >= '0' && b <= max;
  }

  private static byte[] hex(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
    int i = 2;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int hi = digit(c);
      if (i + 1 >= n) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "types.invalid_bytea_hex_odd");
      }
      int lo = digit(text.charAt(i + 1));
      out.write((hi << 4) | lo);
      i += 2;
    }
    return out.toByteArray();
  }

  private static int digit(char c) {
    int d = Character.digit(c, 16);
    if (d < 0 || c > 'f') {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "types.invalid_bytea_hex", String.valueOf(c));
    }
    return d;
  }

  static String toText(byte[] b) {
    StringBuilder sb = new StringBuilder(2 + b.length * 2).append("\\x");
    for (byte x : b) {
      sb.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
    }
    return sb.toString();
  }

  static int compare(byte[] a, byte[] b) {
    return java.util.Arrays.compareUnsigned(a, b);
  }
}
