package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * LIKE / ILIKE patterns ({@code %}, {@code _}, backslash escape) compiled to java.util.regex,
 * with {@code like_escape} for the ESCAPE clause and SIMILAR TO's {@code similar_to_escape}.
 * Compiled patterns are cached (statements usually repeat the same constant pattern).
 */
final class LikePatterns {

  private static final String INVALID_ESCAPE_SEQUENCE = io.snapsync.core.error.SqlState.INVALID_ESCAPE_SEQUENCE;
  private static final String INVALID_ESCAPE_CHARACTER = io.snapsync.core.error.SqlState.INVALID_ESCAPE_SEQUENCE;
  private static final int CACHE_LIMIT = 512;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private LikePatterns() {
  }

  static boolean like(String s, String pattern, boolean caseInsensitive) {
    String key = (caseInsensitive ? "i" : "c") + pattern;
    Pattern p = CACHE.get(key);
    if (p == null) {
      if (CACHE.size() > CACHE_LIMIT) {
        CACHE.clear();
      }
      int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE
          | Pattern.UNICODE_CASE : 0);
      p = Pattern.compile(toRegex(pattern), flags);
      CACHE.put(key, p);
    }
    return p.matcher(s).matches();
  }

  static String toRegex(String pattern) {
    StringBuilder b = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '\\') {
        if (++i >= pattern.length()) {
          throw SnapsyncException.error(INVALID_ESCAPE_SEQUENCE, "functions.like_trailing_escape");
        }
        literal(b, pattern.charAt(i));
      } else if (ch == '%') {
        b.append(".*");
      } else if (ch == '_') {
        b.append('.');
      } else {
        literal(b, ch);
      }
    }
    return b.toString();
  }

  private static void literal(StringBuilder b, char ch) {
    if ("\\.[]{}()<>*+-=!?^$|&".indexOf(ch) >= 0) {
      b.append('\\');
    }
    b.append(ch);
  }

  /** {@code like_escape(pattern, escape)}: the pattern rewritten to backslash escapes. */
  static String likeEscape(String pattern, String escape) {
    if (escape.codePointCount(0, escape.length()) > 1) {
      throw SnapsyncException.error(INVALID_ESCAPE_CHARACTER, "functions.invalid_escape_string")
          .withHint("functions.invalid_escape_string.hint");
    }
    if (escape.equals("\\")) {
      return pattern;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (!escape.isEmpty() && ch == escape.charAt(0)) {
        if (++i >= pattern.length()) {
          throw SnapsyncException.error(INVALID_ESCAPE_SEQUENCE, "functions.like_trailing_escape");
        }
        char next = pattern.charAt(i);
        b.append(next == '\\' ? "\\\\" : "\\" + next);
      } else if (ch == '\\') {
        b.append("\\\\");
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** {@code similar_to_escape(pattern [, escape])}: SQL regular expression to POSIX ARE. */
  static String similarToEscape(String pattern, String escape) {
    if (escape != null && escape.codePointCount(0, escape.length()) > 1) {
      throw SnapsyncException.error(INVALID_ESCAPE_CHARACTER, "functions.invalid_escape_string")
          .withHint("functions.invalid_escape_string.hint");
    }
    char esc = escape == null ? '\\' : escape.isEmpty() ? 0 : escape.charAt(0);
    StringBuilder b = new StringBuilder("^(?:");
    boolean inBracket = false;
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (esc != 0 && ch == esc) {
        if (++i >= pattern.length()) {
          throw SnapsyncException.error(INVALID_ESCAPE_SEQUENCE, "functions.like_trailing_escape");
        }
        b.append('\\').append(pattern.charAt(i));
      } else if (inBracket) {
        if (ch == ']') {
          inBracket = false;
        }
        b.append(ch == '\\' ? "\\\\" : String.valueOf(ch));
      } else if (ch == '[') {
        inBracket = true;
        b.append(ch);
      } else if (ch == '%') {
        b.append(".*");
      } else if (ch == '_') {
        b.append('.');
      } else if (ch == '(') {
        b.append("(?:");
      } else if (ch == '\\' || ch == '.' || ch == '^' || ch == '$') {
        b.append('\\').append(ch);
      } else {
        b.append(ch);
      }
    }
    return b.append(")$").toString();
  }
}
