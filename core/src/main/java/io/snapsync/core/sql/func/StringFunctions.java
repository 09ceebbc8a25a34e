package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.BPCHAR;
import static io.snapsync.core.session.DataType.BYTEA;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.sql.func.ArithmeticOperators.i;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.nio.charset.StandardCharsets;

/**
 * length and its kin, lower, upper, initcap, substr/substring, position/strpos, the trims,
 * replace, left, right, lpad, rpad, repeat, reverse, split_part, starts_with, chr, ascii,
 * translate. Lengths and positions count characters (code points), as PostgreSQL does in UTF8.
 */
final class StringFunctions {

  private StringFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("length", INT4, (x, c) -> len(s(x[0])), TEXT), "char_length",
        "character_length");
    r.add(Fn.of("length", INT4, (x, c) -> len(stripTrailingSpaces(s(x[0]))), BPCHAR),
        "char_length", "character_length");
    r.add(Fn.of("octet_length", INT4, (x, c) -> utf8(s(x[0])).length, TEXT));
    r.add(Fn.of("bit_length", INT4, (x, c) -> utf8(s(x[0])).length * 8, TEXT));
    r.add(Fn.of("length", INT4, (x, c) -> ((byte[]) x[0]).length, BYTEA), "octet_length");
    r.add(Fn.of("bit_length", INT4, (x, c) -> ((byte[]) x[0]).length * 8, BYTEA));
    r.add(Fn.of("lower", TEXT, (x, c) -> mapCase(s(x[0]), false), TEXT));
    r.add(Fn.of("upper", TEXT, (x, c) -> mapCase(s(x[0]), true), TEXT));
    r.add(Fn.of("initcap", TEXT, (x, c) -> initcap(s(x[0])), TEXT));
    r.add(Fn.of("substr", TEXT, (x, c) -> substr(s(x[0]), i(x[1]), null), TEXT, INT4),
        "substring");
    r.add(Fn.of("substr", TEXT, (x, c) -> substr(s(x[0]), i(x[1]), i(x[2])), TEXT, INT4, INT4),
        "substring");
    r.add(Fn.of("strpos", INT4, (x, c) -> strpos(s(x[0]), s(x[1])), TEXT, TEXT), "position");
    r.add(Fn.of("btrim", TEXT, (x, c) -> trim(s(x[0]), " ", true, true), TEXT));
    r.add(Fn.of("btrim", TEXT, (x, c) -> trim(s(x[0]), s(x[1]), true, true), TEXT, TEXT));
    r.add(Fn.of("ltrim", TEXT, (x, c) -> trim(s(x[0]), " ", true, false), TEXT));
    r.add(Fn.of("ltrim", TEXT, (x, c) -> trim(s(x[0]), s(x[1]), true, false), TEXT, TEXT));
    r.add(Fn.of("rtrim", TEXT, (x, c) -> trim(s(x[0]), " ", false, true), TEXT));
    r.add(Fn.of("rtrim", TEXT, (x, c) -> trim(s(x[0]), s(x[1]), false, true), TEXT, TEXT));
    r.add(Fn.of("replace", TEXT, (x, c) -> s(x[1]).isEmpty() ? x[0]
        : s(x[0]).replace(s(x[1]), s(x[2])), TEXT, TEXT, TEXT));
    r.add(Fn.of("left", TEXT, (x, c) -> left(s(x[0]), i(x[1])), TEXT, INT4));
    r.add(Fn.of("right", TEXT, (x, c) -> right(s(x[0]), i(x[1])), TEXT, INT4));
    r.add(Fn.of("lpad", TEXT, (x, c) -> pad(s(x[0]), i(x[1]), " ", true), TEXT, INT4));
    r.add(Fn.of("lpad", TEXT, (x, c) -> pad(s(x[0]), i(x[1]), s(x[2]), true), TEXT, INT4,
        TEXT));
    r.add(Fn.of("rpad", TEXT, (x, c) -> pad(s(x[0]), i(x[1]), " ", false), TEXT, INT4));
    r.add(Fn.of("rpad", TEXT, (x, c) -> pad(s(x[0]), i(x[1]), s(x[2]), false), TEXT, INT4,
        TEXT));
    r.add(Fn.of("repeat", TEXT, (x, c) -> repeat(s(x[0]), i(x[1])), TEXT, INT4));
    r.add(Fn.of("reverse", TEXT, (x, c) -> new StringBuilder(s(x[0])).reverse().toString(),
        TEXT));
    r.add(Fn.of("split_part", TEXT, (x, c) -> splitPart(s(x[0]), s(x[1]), i(x[2])), TEXT, TEXT,
        INT4));
    r.add(Fn.of("starts_with", BOOL, (x, c) -> s(x[0]).startsWith(s(x[1])), TEXT, TEXT));
    r.add(Fn.of("^@", BOOL, (x, c) -> s(x[0]).startsWith(s(x[1])), TEXT, TEXT));
    r.add(Fn.of("chr", TEXT, (x, c) -> chr(i(x[0])), INT4));
    r.add(Fn.of("ascii", INT4, (x, c) -> s(x[0]).isEmpty() ? 0 : s(x[0]).codePointAt(0), TEXT));
    r.add(Fn.of("translate", TEXT, (x, c) -> translate(s(x[0]), s(x[1]), s(x[2])), TEXT, TEXT,
        TEXT));
    r.add(Fn.of("to_hex", TEXT, (x, c) -> Integer.toHexString(i(x[0])), INT4));
    r.add(Fn.of("to_hex", TEXT, (x, c) -> Long.toHexString(((Number) x[0]).longValue()), INT8));
  }

  static String s(Object v) {
    return (String) v;
  }

  static int len(String s) {
    return s.codePointCount(0, s.length());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String stripTrailingSpaces(String s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) == ' ') {
      e--;
    }
    return s.substring(0, e);
  }

  /** The code points {@code [from, to)} of {@code s}, clipped to the string. */
  static String codePoints(String s, long from, long to) {
    int n = len(s);
    int a = (int) Math.max(0, Math.min(from, n));
    int b = (int) Math.max(a, Math.min(to, n));
    int i0 = s.offsetByCodePoints(0, a);
    return s.substring(i0, s.offsetByCodePoints(i0, b - a));
  }

  /** {@code substr(s, start [, count])}: 1-based start, which may lie before the string. */
  static String substr(String s, int start, Integer count) {
    if (count == null) {
      return codePoints(s, (long) start - 1, Long.MAX_VALUE);
    }
    if (count < 0) {
      throw SnapsyncException.error(FuncErrors.SUBSTRING_ERROR, "functions.negative_substring");
    }
    return codePoints(s, (long) start - 1, (long) start - 1 + count);
  }

  static int strpos(String s, String sub) {
    int at = s.indexOf(sub);
    return at < 0 ? 0 : s.codePointCount(0, at) + 1;
  }

  static String trim(String s, String chars, boolean leading, boolean trailing) {
    int b = 0;
    int e = s.length();
    while (leading && b < e && chars.indexOf(s.codePointAt(b)) >= 0) {
      b += Character.charCount(s.codePointAt(b));
    }
    while (trailing && e > b && chars.indexOf(s.codePointBefore(e)) >= 0) {
      e -= Character.charCount(s.codePointBefore(e));
    }
    return s.substring(b, e);
  }

  static String left(String s, int n) {
    return n >= 0 ? codePoints(s, 0, n) : codePoints(s, 0, len(s) + (long) n);
  }

  static String right(String s, int n) {
    int l = len(s);
    return n >= 0 ? codePoints(s, (long) l - n, l) : codePoints(s, -(long) n, l);
  }

  static String pad(String s, int length, String fill, boolean leftSide) {
    if (length <= 0) {
      return "";
    }
    int l = len(s);
    if (l >= length || fill.isEmpty()) {
      return codePoints(s, 0, length);
    }
    checkLength((long) length * 4);
    StringBuilder p = new StringBuilder();
    int[] f = fill.codePoints().toArray();
    for (int k = 0; k < length - l; k++) {
      p.appendCodePoint(f[k % f.length]);
    }
    return leftSide ? p + s : s + p;
  }

  static String repeat(String s, int n) {
    if (n <= 0) {
      return "";
    }
    checkLength((long) s.length() * n);
    return s.repeat(n);
  }

  private static void checkLength(long chars) {
    if (chars > (1L << 28)) {
      throw SnapsyncException.error(SqlState.PROGRAM_LIMIT_EXCEEDED,
          "functions.requested_length_too_large");
    }
  }

  static String splitPart(String s, String delim, int field) {
    if (field == 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "functions.field_position_zero");
    }
    if (delim.isEmpty()) {
      return field == 1 || field == -1 ? s : "";
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    int from = 0;
    for (int at; (at = s.indexOf(delim, from)) >= 0; from = at + delim.length()) {
      parts.add(s.substring(from, at));
    }
    parts.add(s.substring(from));
    int idx = field > 0 ? field - 1 : parts.size() + field;
    return idx >= 0 && idx < parts.size() ? parts.get(idx) : "";
  }

  static String chr(int code) {
    if (code == 0) {
      throw SnapsyncException.error(SqlState.PROGRAM_LIMIT_EXCEEDED,
          "functions.null_character");
    }
    if (code < 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "functions.character_not_positive");
    }
    if (code > Character.MAX_CODE_POINT || code >= 0xD800 && code <= 0xDFFF) {
      throw SnapsyncException.error(SqlState.PROGRAM_LIMIT_EXCEEDED,
          "functions.character_too_large", code);
    }
    return new String(Character.toChars(code));
  }

  /** Character by character, as PostgreSQL's towupper/towlower do (ß stays ß). */
  static String mapCase(String s, boolean upper) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(upper ? Character.toUpperCase(cp)
        : Character.toLowerCase(cp)));
    return b.toString();
  }

  static String initcap(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean inWord = false;
    for (int k = 0; k < s.length(); ) {
      int cp = s.codePointAt(k);
      b.appendCodePoint(inWord ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
      inWord = Character.isLetterOrDigit(cp);
      k += Character.charCount(cp);
    }
    return b.toString();
  }

  static String translate(String s, String from, String to) {
    int[] f = from.codePoints().toArray();
    int[] t = to.codePoints().toArray();
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      int at = -1;
      for (int k = 0; k < f.length; k++) {
        if (f[k] == cp) {
          at = k;
          break;
        }
      }
      if (at < 0) {
        b.appendCodePoint(cp);
      } else if (at < t.length) {
        b.appendCodePoint(t[at]);
      }
    });
    return b.toString();
  }
}
