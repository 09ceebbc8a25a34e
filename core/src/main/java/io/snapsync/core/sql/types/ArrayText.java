package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Array text input ({@code {1,2,NULL}}, {@code {"a b","c\"d"}}, {@code {{1,2},{3,4}}}, an
 * optional {@code [1:2]=} decoration whose bounds are not kept) and output with PostgreSQL's
 * quoting rules. Values are (nested) lists of element values.
 */
final class ArrayText {

  private final String text;
  private final DataType element;
  private final int typmod;
  private final ZoneId tz;
  private final Instant now;
  private final PgStyle style;
  private int pos;

  private ArrayText(String text, DataType element, int typmod, ZoneId tz, Instant now,
      PgStyle style) {
    this.style = style;
    this.text = text;
    this.element = element;
    this.typmod = typmod;
    this.tz = tz;
    this.now = now;
  }

  static List<Object> parse(String text, DataType arrayType, int typmod, ZoneId tz,
      Instant now, PgStyle style) {
    return new ArrayText(text, arrayType.element(), typmod, tz, now, style).run();
  }

  private List<Object> run() {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == '[') {
      int eq = text.indexOf('=', pos);
      if (eq < 0 || !text.substring(pos, eq).trim().matches("(\\[\\s*-?\\d+\\s*:\\s*-?\\d+\\s*\\])+")) {
        throw TypeErrors.malformedArray(text, "types.malformed_array.start");
      }
      pos = eq + 1;
      skipSpace();
    }
    if (pos >= text.length() || text.charAt(pos) != '{') {
      throw TypeErrors.malformedArray(text, "types.malformed_array.start");
    }
    List<Object> v = level();
    skipSpace();
    if (pos < text.length()) {
      throw TypeErrors.malformedArray(text, "types.malformed_array.junk");
    }
    shape(v);
    return v;
  }

  /** Parses {@code {...}} at pos. */
  private List<Object> level() {
    pos++;
    List<Object> out = new ArrayList<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableList(out);
    }
    while (true) {
      skipSpace();
      char c = peek();
      if (c == '{') {
        out.add(level());
      } else if (c == '"') {
        out.add(element(quoted()));
      } else if (c == ',' || c == '}' || c == 0) {
        throw TypeErrors.malformedArray(text,
            c == 0 ? "types.malformed_array.end" : "types.malformed_array.unexpected");
      } else {
        out.add(unquoted());
      }
      skipSpace();
      c = peek();
      pos++;
      if (c == '}') {
        return Collections.unmodifiableList(out);
      }
      if (c != ',') {
        throw TypeErrors.malformedArray(text,
            c == 0 ? "types.malformed_array.end" : "types.malformed_array.unexpected");
      }
    }
  }

  private String quoted() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        c = text.charAt(pos++);
      }
      sb.append(c);
    }
    throw TypeErrors.malformedArray(text, "types.malformed_array.end");
  }

  private Object unquoted() {
    StringBuilder sb = new StringBuilder();
    boolean escaped = false;
    int keep = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',' || c == '}') {
        break;
      }
      if (c == '{' || c == '"') {
        throw TypeErrors.malformedArray(text, "types.malformed_array.unexpected");
      }
      pos++;
      if (c == '\\') {
        if (pos >= text.length()) {
          throw TypeErrors.malformedArray(text, "types.malformed_array.end");
        }
        sb.append(text.charAt(pos++));
        escaped = true;
        keep = sb.length();
      } else {
        sb.append(c);
        if (!isSpace(c)) {
          keep = sb.length();
        }
      }
    }
    String s = sb.substring(0, keep);
    if (!escaped && s.equalsIgnoreCase("NULL")) {
      return null;
    }
    return element(s);
  }

  private Object element(String s) {
    return PgValues.fromText(s, element, typmod, tz, now, style);
  }

  /** Sub-arrays must all be arrays (or all scalars) of matching lengths. */
  private void shape(List<?> v) {
    boolean nested = !v.isEmpty() && v.get(0) instanceof List;
    int size = nested ? ((List<?>) v.get(0)).size() : -1;
    for (Object x : v) {
      if (nested != x instanceof List) {
        throw TypeErrors.malformedArray(text, "types.malformed_array.dims");
      }
      if (nested) {
        List<?> l = (List<?>) x;
        if (l.size() != size || l.isEmpty()) {
          throw TypeErrors.malformedArray(text, "types.malformed_array.dims");
        }
        shape(l);
      }
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipSpace() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  /** PostgreSQL's array output. */
  static String format(List<?> v, DataType element, ZoneId tz, PgStyle style) {
    StringBuilder sb = new StringBuilder();
    format(sb, v, element, tz, style);
    return sb.toString();
  }

  private static void format(StringBuilder sb, List<?> v, DataType element, ZoneId tz,
      PgStyle style) {
    sb.append('{');
    for (int i = 0; i < v.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object x = v.get(i);
      if (x == null) {
        sb.append("NULL");
      } else if (x instanceof List<?> l) {
        format(sb, l, element, tz, style);
      } else {
        quote(sb, PgValues.toText(x, element, tz, style));
      }
    }
    sb.append('}');
  }

  private static void quote(StringBuilder sb, String s) {
    boolean needs = s.isEmpty() || s.equalsIgnoreCase("NULL");
    for (int i = 0; !needs && i < s.length(); i++) {
      char c = s.charAt(i);
      needs = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || isSpace(c);
    }
    if (!needs) {
      sb.append(s);
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('"');
  }
}
