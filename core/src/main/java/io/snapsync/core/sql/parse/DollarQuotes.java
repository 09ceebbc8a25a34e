package io.snapsync.core.sql.parse;

/**
 * PostgreSQL's dollar quoting ({@code $$ body $$}, {@code $tag$ body $tag$}): the opening tag
 * at a position. A tag is {@code $}, an optional identifier not starting with a digit, {@code $}.
 */
public final class DollarQuotes {

  private DollarQuotes() {
  }

  /** The tag ({@code $$} or {@code $name$}) starting at {@code i}, or null. */
  public static String tagAt(String sql, int i) {
    int n = sql.length();
    if (i >= n || sql.charAt(i) != '$') {
      return null;
    }
    int j = i + 1;
    if (j < n && Character.isDigit(sql.charAt(j))) {
      return null;
    }
    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    return j < n && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
  }

  /** True for characters that continue an identifier (then a {@code $} is part of it). */
  public static boolean identPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
