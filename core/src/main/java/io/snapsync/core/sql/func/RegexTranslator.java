package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PostgreSQL's advanced regular expressions (ARE) as java.util.regex patterns: the common
 * differences translated ({@code \m \M \y \Y \Z}, {@code [[:alpha:]]} classes, literal
 * {@code [} inside brackets, {@code $} only at the very end, {@code .} matching newlines
 * unless the {@code n} flag is given). Compiled patterns are cached.
 */
final class RegexTranslator {

  private static final int CACHE_LIMIT = 512;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, String> CLASSES = Map.ofEntries(
      Map.entry("alpha", "\\p{IsAlphabetic}"), Map.entry("digit", "\\p{IsDigit}"),
      Map.entry("alnum", "\\p{IsAlphabetic}\\p{IsDigit}"), Map.entry("upper", "\\p{IsUppercase}"),
      Map.entry("lower", "\\p{IsLowercase}"), Map.entry("space", "\\s"),
      Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "0-9A-Fa-f"),
      Map.entry("word", "\\w"), Map.entry("blank", " \\t"), Map.entry("cntrl", "\\p{Cntrl}"),
      Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"));

  private RegexTranslator() {
  }

  /** Compiles {@code are} with the regexp_* {@code flags} (g is the caller's business). */
  static Pattern compile(String are, String flags) {
    String key = flags + "\u0000" + are;
    Pattern p = CACHE.get(key);
    if (p != null) {
      return p;
    }
    boolean newlineSensitive = false;
    int javaFlags = 0;
    for (char f : flags.toCharArray()) {
      switch (f) {
        case 'i' -> javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'c' -> javaFlags &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        case 'n', 'm' -> newlineSensitive = true;
        case 's' -> newlineSensitive = false;
        case 'x' -> javaFlags |= Pattern.COMMENTS;
        case 'g', 'p', 'w' -> {
        }
        default -> throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "functions.regex_bad_option", String.valueOf(f));
      }
    }
    javaFlags |= newlineSensitive ? Pattern.MULTILINE : Pattern.DOTALL;
    try {
      p = Pattern.compile(translate(are, newlineSensitive), javaFlags);
    } catch (PatternSyntaxException e) {
      throw invalid(e.getDescription());
    }
    if (CACHE.size() > CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(key, p);
    return p;
  }

  static String translate(String are, boolean newlineSensitive) {
    StringBuilder b = new StringBuilder(are.length() + 16);
    int i = 0;
    int n = are.length();
    while (i < n) {
      char ch = are.charAt(i);
      if (ch == '\\' && i + 1 < n) {
        char e = are.charAt(i + 1);
        switch (e) {
          case 'm' -> b.append("\\b(?=\\w)");
          case 'M' -> b.append("\\b(?<=\\w)");
          case 'y' -> b.append("\\b");
          case 'Y' -> b.append("\\B");
          case 'Z' -> b.append("\\z");
          default -> b.append(ch).append(e);
        }
        i += 2;
      } else if (ch == '[') {
        i = bracket(are, i, b);
      } else if (ch == '$') {
        b.append(newlineSensitive ? "$" : "\\z");
        i++;
      } else {
        b.append(ch);
        i++;
      }
    }
    return b.toString();
  }

  /** Copies the bracket expression starting at {@code at}; returns the index after it. */
  private static int bracket(String are, int at, StringBuilder b) {
    if (are.startsWith("[[:<:]]", at)) {
      b.append("\\b(?=\\w)");
      return at + 7;
    }
    if (are.startsWith("[[:>:]]", at)) {
      b.append("\\b(?<=\\w)");
      return at + 7;
    }
    int i = at + 1;
    b.append('[');
    if (i < are.length() && are.charAt(i) == '^') {
      b.append('^');
      i++;
    }
    if (i < are.length() && are.charAt(i) == ']') {
      b.append("\\]");
      i++;
    }
    while (i < are.length()) {
      char ch = are.charAt(i);
      if (ch == ']') {
        b.append(']');
        return i + 1;
      }
      if (ch == '[' && i + 1 < are.length() && are.charAt(i + 1) == ':') {
        int end = are.indexOf(":]", i + 2);
        if (end < 0) {
          throw invalid("brackets");
        }
        String cls = CLASSES.get(are.substring(i + 2, end));
        if (cls == null) {
          throw SnapsyncException.error(FuncErrors.INVALID_REGEX, "functions.regex_bad_class");
        }
        b.append(cls);
        i = end + 2;
      } else if (ch == '\\' && i + 1 < are.length()) {
        b.append(ch).append(are.charAt(i + 1));
        i += 2;
      } else {
        if (ch == '[' || ch == '&') {
          b.append('\\');
        }
        b.append(ch);
        i++;
      }
    }
    throw invalid("brackets");
  }

  private static SnapsyncException invalid(String javaDescription) {
    String d = javaDescription == null ? "" : javaDescription.toLowerCase();
    String id;
    if (d.contains("group") || d.contains("parenthes")) {
      id = "functions.regex_parentheses";
    } else if (d.contains("character class") || d.contains("bracket")) {
      id = "functions.regex_brackets";
    } else if (d.contains("dangling") || d.contains("meta")) {
      id = "functions.regex_quantifier";
    } else if (d.contains("escape")) {
      id = "functions.regex_escape";
    } else if (d.contains("repetition") || d.contains("closing")) {
      id = "functions.regex_braces";
    } else {
      id = "functions.regex_invalid";
    }
    return SnapsyncException.error(FuncErrors.INVALID_REGEX, id);
  }
}
