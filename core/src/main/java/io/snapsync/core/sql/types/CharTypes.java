package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.nio.charset.StandardCharsets;

/**
 * text, varchar(n), char(n) (bpchar) and name. Lengths count characters (code points); a
 * varchar/char value too long is an error on input and assignment unless the excess is spaces,
 * and is cut on an explicit cast, as in PostgreSQL. char(n) values are kept blank-padded.
 */
final class CharTypes {

  /** NAMEDATALEN - 1. */
  static final int NAME_BYTES = 63;

  private CharTypes() {
  }

  /** The declared length of a varchar/char typmod, or -1. */
  static int length(int typmod) {
    return typmod < 4 ? -1 : typmod - 4;
  }

  /** Input and assignment semantics ({@code explicit} false) or explicit-cast semantics. */
  static String coerce(String s, DataType type, int typmod, boolean explicit) {
    if (s.indexOf('\0') >= 0) {
      throw io.snapsync.core.error.SnapsyncException.error(TypeErrors.UNTRANSLATABLE_CHARACTER,
          "types.null_character");
    }
    switch (type) {
      case NAME:
        return truncateBytes(s, NAME_BYTES);
      case VARCHAR:
      case BPCHAR: {
        int max = length(typmod);
        if (max < 0) {
          return s;
        }
        int len = s.codePointCount(0, s.length());
        if (len > max) {
          int cut = s.offsetByCodePoints(0, max);
          if (!explicit && !onlySpaces(s, cut)) {
            throw TypeErrors.tooLong(
                (type == DataType.VARCHAR ? "character varying(" : "character(") + max + ")");
          }
          return s.substring(0, cut);
        }
        if (type == DataType.BPCHAR && len < max) {
          return s + " ".repeat(max - len);
        }
        return s;
      }
      default:
        return s;
    }
  }

  private static boolean onlySpaces(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  private static String truncateBytes(String s, int maxBytes) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length <= maxBytes) {
      return s;
    }
    int end = maxBytes;
    while (end > 0 && (b[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  /** bpchar without its trailing blanks: what comparisons and casts to text see. */
  static String stripBlanks(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end == s.length() ? s : s.substring(0, end);
  }

  static boolean isCharType(DataType t) {
    return t == DataType.TEXT || t == DataType.VARCHAR || t == DataType.BPCHAR
        || t == DataType.NAME || t == DataType.UNKNOWN;
  }

  /** C-collation order: by code point (UTF-16 order differs above U+FFFF). */
  static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx != sy) {
          return sx ? 1 : -1;
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }
}
