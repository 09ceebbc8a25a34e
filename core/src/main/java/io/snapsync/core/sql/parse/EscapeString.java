package io.snapsync.core.sql.parse;

/** The backslash escapes of PostgreSQL's {@code E'...'} strings. */
final class EscapeString {

  private EscapeString() {
  }

  static String decode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char d = s.charAt(++i);
      switch (d) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'x' -> {
          int end = i + 1;
          while (end < s.length() && end < i + 3 && Character.digit(s.charAt(end), 16) >= 0) {
            end++;
          }
          if (end == i + 1) {
            out.append('x');
          } else {
            out.append((char) Integer.parseInt(s.substring(i + 1, end), 16));
            i = end - 1;
          }
        }
        default -> {
          if (d >= '0' && d <= '7') {
            int end = i;
            while (end < s.length() && end < i + 3 && s.charAt(end) >= '0'
                && s.charAt(end) <= '7') {
              end++;
            }
            out.append((char) Integer.parseInt(s.substring(i, end), 8));
            i = end - 1;
          } else {
            out.append(d);
          }
        }
      }
    }
    return out.toString();
  }
}
