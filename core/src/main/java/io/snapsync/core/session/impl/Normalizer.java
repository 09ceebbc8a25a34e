package io.snapsync.core.session.impl;

/**
 * Statement text for statistics: string and number literals replaced by {@code ?}, whitespace
 * collapsed, words lower-cased, at most {@value #MAX_LENGTH} characters. Scans only as far as
 * the output needs, so a bulk INSERT costs little.
 */
final class Normalizer {

  static final int MAX_LENGTH = 1024;

  private Normalizer() {
  }

  static String normalize(String sql) {
    StringBuilder sb = new StringBuilder(Math.min(sql.length(), MAX_LENGTH));
    int n = sql.length();
    int i = 0;
    boolean space = false;
    while (i < n && sb.length() < MAX_LENGTH) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
        i++;
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      if (c == '\'') {
        i++;
        while (i < n) {
          if (sql.charAt(i) == '\'') {
            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        i++;
        sb.append('?');
      } else if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        end = end < 0 ? n : end + 1;
        sb.append(sql, i, end);
        i = end;
      } else if (Character.isDigit(c) && !previousIsWordChar(sb)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        sb.append('?');
      } else {
        sb.append(Character.toLowerCase(c));
        i++;
      }
    }
    if (sb.length() > MAX_LENGTH) {
      sb.setLength(MAX_LENGTH);
    }
    return sb.toString();
  }

  private static boolean previousIsWordChar(StringBuilder sb) {
    if (sb.length() == 0) {
      return false;
    }
    char p = sb.charAt(sb.length() - 1);
    return Character.isLetterOrDigit(p) || p == '_' || p == '$';
  }
}
