package io.snapsync.plugins.pgwire.impl;

import java.util.Locale;

/**
 * Light lexical looks at statement text, enough for protocol decisions (empty query, how many
 * parameters, whether rows come back). Quotes, identifiers and comments
 * are skipped; real parsing is the session's job.
 */
final class SqlText {

  private SqlText() {
  }

  /**
   * The text with comments removed and every string literal and quoted identifier replaced by
   * a same-length run of {@code _}, so that keyword and token searches ignore their contents.
   */
  static String mask(String sql) {
    StringBuilder sb = new StringBuilder(sql.length());
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          sb.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        for (; i < stop; i++) {
          sb.append(' ');
        }
      } else if (c == '\'' || c == '"') {
        sb.append(c);
        i++;
        while (i < n) {
          char d = sql.charAt(i);
          if (d == c) {
            if (i + 1 < n && sql.charAt(i + 1) == c) {
              sb.append("__");
              i += 2;
              continue;
            }
            break;
          }
          sb.append('_');
          i++;
        }
        if (i < n) {
          sb.append(c);
          i++;
        }
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  /** True when the text holds no statement (only blanks, comments and semicolons). */
  static boolean isEmpty(String sql) {
    String m = mask(sql);
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (!Character.isWhitespace(c) && c != ';') {
        return false;
      }
    }
    return true;
  }

  /** The first word, upper case ("" when none). */
  static String firstKeyword(String sql) {
    String m = mask(sql).trim();
    int i = 0;
    while (i < m.length() && m.charAt(i) == '(') {
      i++;
    }
    int start = i;
    while (i < m.length() && Character.isLetter(m.charAt(i))) {
      i++;
    }
    return m.substring(start, i).toUpperCase(Locale.ROOT);
  }

  /** The highest {@code $n} placeholder used (0 when none). */
  static int maxParam(String sql) {
    String m = mask(sql);
    int max = 0;
    for (int i = 0; i < m.length(); i++) {
      if (m.charAt(i) == '$') {
        int j = i + 1;
        while (j < m.length() && Character.isDigit(m.charAt(j))) {
          j++;
        }
        if (j > i + 1 && j - i < 7) {
          max = Math.max(max, Integer.parseInt(m.substring(i + 1, j)));
        }
      }
    }
    return max;
  }

  /** Whether a statement of this kind returns rows. */
  static boolean returnsRows(String sql) {
    switch (firstKeyword(sql)) {
      case "SELECT":
      case "SHOW":
      case "VALUES":
      case "WITH":
      case "TABLE":
      case "EXPLAIN":
        return true;
      default:
        return false;
    }
  }

  /** Whether the top level of a SELECT has a FROM clause. */
  static boolean hasFrom(String sql) {
    return hasTopLevel(sql, "FROM");
  }

  /** Whether {@code keyword} (upper case) occurs outside parentheses, quotes and comments. */
  static boolean hasTopLevel(String sql, String keyword) {
    return topLevelKeywordAt(mask(sql), keyword) >= 0;
  }

  private static int topLevelKeywordAt(String masked, String keyword) {
    String upper = masked.toUpperCase(Locale.ROOT);
    int depth = 0;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && upper.startsWith(keyword, i)
          && (i == 0 || !Character.isLetterOrDigit(upper.charAt(i - 1)))
          && (i + keyword.length() == upper.length()
              || !Character.isLetterOrDigit(upper.charAt(i + keyword.length())))) {
        return i;
      }
    }
    return -1;
  }
}
