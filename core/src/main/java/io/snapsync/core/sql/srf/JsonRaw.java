package io.snapsync.core.sql.srf;

import io.snapsync.core.sql.func.SrfSupport;
import io.snapsync.core.sql.types.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level members of a {@code json} value exactly as written (json, unlike jsonb, keeps
 * its text: spacing, key order and duplicate keys), for the json set-returning functions.
 * Only called on text already validated as JSON. Static.
 */
final class JsonRaw {

  /** One member: its key (null in an array) and its value's text. */
  record Member(String key, String raw) {
  }

  private JsonRaw() {
  }

  /** The members of the object or array {@code text}. */
  static List<Member> members(String text) {
    List<Member> out = new ArrayList<>();
    int i = ws(text, 0);
    char close = text.charAt(i) == '{' ? '}' : ']';
    i = ws(text, i + 1);
    while (i < text.length() && text.charAt(i) != close) {
      String key = null;
      if (close == '}') {
        int end = value(text, i);
        key = (String) SrfSupport.tree(new Json(text.substring(i, end), false));
        i = ws(text, ws(text, end) + 1); // past ':'
      }
      int end = value(text, i);
      out.add(new Member(key, text.substring(i, end)));
      i = ws(text, end);
      if (i < text.length() && text.charAt(i) == ',') {
        i = ws(text, i + 1);
      }
    }
    return out;
  }

  /** {@code raw} as json's {@code ->>} gives it: a string unescaped, null as SQL NULL. */
  static String text(String raw) {
    if (raw.startsWith("\"")) {
      return (String) SrfSupport.tree(new Json(raw, false));
    }
    return raw.equals("null") ? null : raw;
  }

  private static int ws(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the value starting at {@code i}. */
  private static int value(String s, int i) {
    char c = s.charAt(i);
    if (c == '"') {
      return string(s, i);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (i < s.length()) {
        char x = s.charAt(i);
        if (x == '"') {
          i = string(s, i);
          continue;
        }
        if (x == '{' || x == '[') {
          depth++;
        } else if (x == '}' || x == ']') {
          depth--;
          if (depth == 0) {
            return i + 1;
          }
        }
        i++;
      }
      return i;
    }
    while (i < s.length() && ",}] \t\n\r".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static int string(String s, int i) {
    i++;
    while (i < s.length() && s.charAt(i) != '"') {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}
