package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;

/** {@code boolean}: PostgreSQL's {@code boolin} (unique prefixes of true/false/yes/no, on/off, 1/0). */
final class Bools {

  private Bools() {
  }

  static Boolean parse(String text) {
    String s = Numerics.trim(text).toLowerCase(java.util.Locale.ROOT);
    int n = s.length();
    if (n > 0) {
      switch (s.charAt(0)) {
        case 't':
          if ("true".startsWith(s)) {
            return Boolean.TRUE;
          }
          break;
        case 'f':
          if ("false".startsWith(s)) {
            return Boolean.FALSE;
          }
          break;
        case 'y':
          if ("yes".startsWith(s)) {
            return Boolean.TRUE;
          }
          break;
        case 'n':
          if ("no".startsWith(s)) {
            return Boolean.FALSE;
          }
          break;
        case 'o':
          if (s.equals("on")) {
            return Boolean.TRUE;
          }
          if (n >= 2 && "off".startsWith(s)) {
            return Boolean.FALSE;
          }
          break;
        case '1':
          if (n == 1) {
            return Boolean.TRUE;
          }
          break;
        case '0':
          if (n == 1) {
            return Boolean.FALSE;
          }
          break;
        default:
          break;
      }
    }
    throw TypeErrors.syntax(DataType.BOOL, text);
  }

  static String toText(Boolean b) {
    return b ? "t" : "f";
  }
}
