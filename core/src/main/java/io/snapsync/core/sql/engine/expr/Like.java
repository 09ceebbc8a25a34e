package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.regex.Pattern;

/** LIKE / ILIKE patterns as regular expressions ({@code %}, {@code _}, escape {@code \}). */
final class Like {

  private Like() {
  }

  static Pattern compile(String like, String escape, boolean caseSensitive) {
    char esc = escape == null ? '\\' : escape.isEmpty() ? 0 : escape.charAt(0);
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (esc != 0 && c == esc) {
        if (i + 1 >= like.length()) {
          throw SnapsyncException.error(SqlState.INVALID_ESCAPE_SEQUENCE, "engine.like_escape");
        }
        re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL
        | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  static Pattern regex(String re, boolean caseSensitive) {
    try {
      return Pattern.compile(re, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "engine.invalid_regex",
          re);
    }
  }
}
