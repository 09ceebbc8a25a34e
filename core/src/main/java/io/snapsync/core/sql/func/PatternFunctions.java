package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.BPCHAR;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;

/**
 * LIKE ({@code ~~ ~~* !~~ !~~*}, like_escape), SIMILAR TO (similar_to_escape), POSIX regular
 * expressions ({@code ~ ~* !~ !~*}), regexp_replace, regexp_match, regexp_like, regexp_count
 * and substring(text from pattern).
 */
final class PatternFunctions {

  private PatternFunctions() {
  }

  static void register(Registry r) {
    for (DataType t : List.of(TEXT, BPCHAR, NAME)) {
      r.add(Fn.of("~~", BOOL, (x, c) -> like(x, t, false), t, TEXT));
      r.add(Fn.of("~~*", BOOL, (x, c) -> like(x, t, true), t, TEXT));
      r.add(Fn.of("!~~", BOOL, (x, c) -> !like(x, t, false), t, TEXT));
      r.add(Fn.of("!~~*", BOOL, (x, c) -> !like(x, t, true), t, TEXT));
      r.add(Fn.of("~", BOOL, (x, c) -> find(x, t, ""), t, TEXT));
      r.add(Fn.of("~*", BOOL, (x, c) -> find(x, t, "i"), t, TEXT));
      r.add(Fn.of("!~", BOOL, (x, c) -> !find(x, t, ""), t, TEXT));
      r.add(Fn.of("!~*", BOOL, (x, c) -> !find(x, t, "i"), t, TEXT));
    }
    r.add(Fn.of("like_escape", TEXT, (x, c) -> LikePatterns.likeEscape(s(x[0]), s(x[1])), TEXT,
        TEXT));
    r.add(Fn.of("similar_to_escape", TEXT, (x, c) -> LikePatterns.similarToEscape(s(x[0]),
        null), TEXT));
    r.add(Fn.of("similar_to_escape", TEXT, (x, c) -> LikePatterns.similarToEscape(s(x[0]),
        s(x[1])), TEXT, TEXT));
    r.add(Fn.of("regexp_replace", TEXT, (x, c) -> replace(s(x[0]), s(x[1]), s(x[2]), ""),
        TEXT, TEXT, TEXT));
    r.add(Fn.of("regexp_replace", TEXT, (x, c) -> replace(s(x[0]), s(x[1]), s(x[2]), s(x[3])),
        TEXT, TEXT, TEXT, TEXT));
    r.add(Fn.of("regexp_match", TEXT_ARRAY, (x, c) -> match(s(x[0]), s(x[1]), ""), TEXT, TEXT));
    r.add(Fn.of("regexp_match", TEXT_ARRAY, (x, c) -> match(s(x[0]), s(x[1]), noG(s(x[2]),
        "regexp_match")), TEXT, TEXT, TEXT));
    r.add(Fn.of("regexp_like", BOOL, (x, c) -> RegexTranslator.compile(s(x[1]), "")
        .matcher(s(x[0])).find(), TEXT, TEXT));
    r.add(Fn.of("regexp_like", BOOL, (x, c) -> RegexTranslator.compile(s(x[1]),
        noG(s(x[2]), "regexp_like")).matcher(s(x[0])).find(), TEXT, TEXT, TEXT));
    r.add(Fn.of("regexp_count", INT4, (x, c) -> count(s(x[0]), s(x[1]), ""), TEXT, TEXT));
    r.add(Fn.of("regexp_count", INT4, (x, c) -> count(s(x[0]), s(x[1]), noG(s(x[3]),
        "regexp_count")), TEXT, TEXT, INT4, TEXT));
    r.add(Fn.of("substring", TEXT, (x, c) -> substring(s(x[0]), s(x[1])), TEXT, TEXT));
    r.add(Fn.of("substring", TEXT, (x, c) -> substring(s(x[0]),
        LikePatterns.similarToEscape(s(x[1]), s(x[2]))), TEXT, TEXT, TEXT));
  }

  private static String s(Object v) {
    return (String) v;
  }

  private static String text(Object v, DataType t) {
    return t == BPCHAR ? StringFunctions.stripTrailingSpaces(s(v)) : s(v);
  }

  private static boolean like(Object[] x, DataType t, boolean ci) {
    return LikePatterns.like(text(x[0], t), s(x[1]), ci);
  }

  private static boolean find(Object[] x, DataType t, String flags) {
    return RegexTranslator.compile(s(x[1]), flags).matcher(text(x[0], t)).find();
  }

  private static String noG(String flags, String fn) {
    if (flags.indexOf('g') >= 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "functions.regex_g_not_supported", fn).withHint("functions.regex_g_hint");
    }
    return flags;
  }

  static String replace(String s, String pattern, String replacement, String flags) {
    Matcher m = RegexTranslator.compile(pattern, flags).matcher(s);
    boolean global = flags.indexOf('g') >= 0;
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(s, last, m.start());
      appendReplacement(out, m, replacement);
      last = m.end();
      if (!global) {
        break;
      }
    }
    return out.append(s, last, s.length()).toString();
  }

  /** {@code \1}..{@code \9} a group, {@code \&} the match, {@code \\} a backslash. */
  private static void appendReplacement(StringBuilder out, Matcher m, String r) {
    for (int i = 0; i < r.length(); i++) {
      char ch = r.charAt(i);
      if (ch == '\\' && i + 1 < r.length()) {
        char n = r.charAt(i + 1);
        if (n >= '1' && n <= '9') {
          int g = n - '0';
          if (g <= m.groupCount() && m.group(g) != null) {
            out.append(m.group(g));
          }
          i++;
          continue;
        }
        if (n == '&') {
          out.append(m.group());
          i++;
          continue;
        }
        if (n == '\\') {
          out.append('\\');
          i++;
          continue;
        }
      }
      out.append(ch);
    }
  }

  private static List<String> match(String s, String pattern, String flags) {
    Matcher m = RegexTranslator.compile(pattern, flags).matcher(s);
    if (!m.find()) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    if (m.groupCount() == 0) {
      groups.add(m.group());
    } else {
      for (int g = 1; g <= m.groupCount(); g++) {
        groups.add(m.group(g));
      }
    }
    return Collections.unmodifiableList(groups);
  }

  private static int count(String s, String pattern, String flags) {
    Matcher m = RegexTranslator.compile(pattern, flags).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The first parenthesized subexpression's match, or the whole match; NULL if none. */
  private static String substring(String s, String pattern) {
    Matcher m = RegexTranslator.compile(pattern, "").matcher(s);
    if (!m.find()) {
      return null;
    }
    return m.groupCount() > 0 ? m.group(1) : m.group();
  }
}
