package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.util.UUID;

/** uuid input as PostgreSQL's {@code uuid_in}: 32 hex digits, optional braces, hyphens after
 * any group of four digits; output lower-case hyphenated; order by unsigned bytes. */
final class Uuids {

  private Uuids() {
  }

  static UUID parse(String text) {
    int i = 0;
    int n = text.length();
    boolean braces = n > 0 && text.charAt(0) == '{';
    if (braces) {
      i++;
    }
    long hi = 0;
    long lo = 0;
    for (int k = 0; k < 16; k++) {
      if (i + 1 >= n) {
        throw TypeErrors.syntax(DataType.UUID, text);
      }
      int a = Character.digit(text.charAt(i), 16);
      int b = Character.digit(text.charAt(i + 1), 16);
      if (a < 0 || b < 0 || !ascii(text.charAt(i)) || !ascii(text.charAt(i + 1))) {
        throw TypeErrors.syntax(DataType.UUID, text);
      }
      int v = (a << 4) | b;
      if (k < 8) {
        hi = (hi << 8) | v;
      } else {
        lo = (lo << 8) | v;
      }
      i += 2;
      if (i < n && text.charAt(i) == '-' && k % 2 == 1 && k < 15) {
        i++;
      }
    }
    if (braces) {
      if (i >= n || text.charAt(i) != '}') {
        throw TypeErrors.syntax(DataType.UUID, text);
      }
      i++;
    }
    if (i != n) {
      throw TypeErrors.syntax(DataType.UUID, text);
    }
    return new UUID(hi, lo);
  }

  private static boolean ascii(char c) {
    return c < 128;
  }

  static int compare(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
