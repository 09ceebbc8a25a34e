package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.TEXT;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code format(fmt, args...)} with {@code %s %I %L %%}, positions ({@code %2$s}), widths
 * ({@code %-10s}, {@code %*s}); quote_ident, quote_literal and quote_nullable.
 */
final class FormatFunction {

  /** Keywords quote_ident must quote: every category but unreserved (pg_get_keywords()). */
  private static final Set<String> KEYWORDS = Set.of(("all analyse analyze and any array as asc "
      + "asymmetric authorization between bigint binary bit boolean both case cast char "
      + "character check coalesce collate collation column concurrently constraint create cross "
      + "current_catalog current_date current_role current_schema current_time "
      + "current_timestamp current_user dec decimal default deferrable desc distinct do else end "
      + "except exists extract false fetch float for foreign freeze from full grant greatest "
      + "group grouping having ilike in initially inner inout int integer intersect interval "
      + "into is isnull join lateral leading least left like limit localtime localtimestamp "
      + "national natural nchar none normalize not notnull null nullif numeric offset on only or "
      + "order out outer overlaps overlay placing position precision primary real references "
      + "returning right row select session_user setof similar smallint some substring "
      + "symmetric table tablesample then time timestamp to trailing treat trim true union "
      + "unique user using values varchar variadic verbose when where window with "
      + "xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi "
      + "xmlroot xmlserialize xmltable").split(" "));

  private FormatFunction() {
  }

  static void register(Registry r) {
    r.template("format", types -> !types.isEmpty() && ImplicitCasts.coercible(types.get(0), TEXT)
        ? Optional.of(new Fn("format", ConcatFunctions.withTextFirst(types), TEXT, false, false,
            (x, c) -> x[0] == null ? null : format((String) x[0], x, types, c)))
        : Optional.empty());
    r.add(Fn.of("quote_ident", TEXT, (x, c) -> quoteIdent((String) x[0]), TEXT));
    r.add(Fn.of("quote_literal", TEXT, (x, c) -> quoteLiteral((String) x[0]), TEXT));
    r.add(Fn.of("quote_nullable", TEXT, (x, c) -> x[0] == null ? "NULL"
        : quoteLiteral((String) x[0]), TEXT).lenient());
    for (DataType t : DataType.values()) {
      if (ImplicitCasts.category(t) != 'S' && t != DataType.UNKNOWN && t != DataType.VOID) {
        r.add(Fn.of("quote_literal", TEXT, (x, c) -> quoteLiteral(TextOut.of(x[0], t, c)), t));
        r.add(Fn.of("quote_nullable", TEXT, (x, c) -> x[0] == null ? "NULL"
            : quoteLiteral(TextOut.of(x[0], t, c)), t).lenient());
      }
    }
  }

  static String quoteIdent(String s) {
    boolean safe = !s.isEmpty() && (s.charAt(0) >= 'a' && s.charAt(0) <= 'z'
        || s.charAt(0) == '_');
    for (int i = 0; safe && i < s.length(); i++) {
      char ch = s.charAt(i);
      safe = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_';
    }
    if (safe && !KEYWORDS.contains(s)) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static String quoteLiteral(String s) {
    String body = s.replace("'", "''");
    if (s.indexOf('\\') >= 0) {
      return "E'" + body.replace("\\", "\\\\") + "'";
    }
    return "'" + body + "'";
  }

  private static String format(String fmt, Object[] x, List<DataType> types, EvalContext c) {
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (int i = 0; i < fmt.length(); i++) {
      char ch = fmt.charAt(i);
      if (ch != '%') {
        out.append(ch);
        continue;
      }
      if (++i >= fmt.length()) {
        throw unterminated();
      }
      if (fmt.charAt(i) == '%') {
        out.append('%');
        continue;
      }
      int[] pos = {i};
      Integer argPos = number(fmt, pos, '$');
      boolean left = false;
      if (pos[0] < fmt.length() && fmt.charAt(pos[0]) == '-') {
        left = true;
        pos[0]++;
      }
      Integer width = null;
      if (pos[0] < fmt.length() && fmt.charAt(pos[0]) == '*') {
        pos[0]++;
        Integer widthPos = number(fmt, pos, '$');
        int wi = widthPos != null ? widthPos : next++;
        Object w = arg(x, wi);
        width = w == null ? 0 : ((Number) w).intValue();
        if (width < 0) {
          left = true;
          width = -width;
        }
      } else {
        width = digits(fmt, pos);
      }
      if (pos[0] >= fmt.length()) {
        throw unterminated();
      }
      char type = fmt.charAt(pos[0]);
      i = pos[0];
      int ai = argPos != null ? argPos : next;
      next = ai + 1;
      Object v = arg(x, ai);
      String text = switch (type) {
        case 's' -> v == null ? "" : TextOut.of(v, types.get(ai), c);
        case 'I' -> {
          if (v == null) {
            throw SnapsyncException.error(io.snapsync.core.error.SqlState.NULL_VALUE_NOT_ALLOWED, "functions.format_null_identifier");
          }
          yield quoteIdent(TextOut.of(v, types.get(ai), c));
        }
        case 'L' -> v == null ? "NULL" : quoteLiteral(TextOut.of(v, types.get(ai), c));
        default -> throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "functions.format_bad_specifier", String.valueOf(type))
            .withHint("functions.format_bad_specifier.hint");
      };
      int pad = width == null ? 0 : width - StringFunctions.len(text);
      if (pad > 0 && !left) {
        out.append(" ".repeat(pad));
      }
      out.append(text);
      if (pad > 0 && left) {
        out.append(" ".repeat(pad));
      }
    }
    return out.toString();
  }

  private static Object arg(Object[] x, int i) {
    if (i >= x.length) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "functions.format_too_few_arguments");
    }
    return x[i];
  }

  /** Digits followed by {@code end}: their value (position advanced), else null (unchanged). */
  private static Integer number(String fmt, int[] pos, char end) {
    int p = pos[0];
    while (p < fmt.length() && Character.isDigit(fmt.charAt(p))) {
      p++;
    }
    if (p > pos[0] && p < fmt.length() && fmt.charAt(p) == end) {
      int n = Integer.parseInt(fmt.substring(pos[0], p));
      if (n == 0) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "functions.format_position_zero");
      }
      pos[0] = p + 1;
      return n;
    }
    return null;
  }

  private static Integer digits(String fmt, int[] pos) {
    int p = pos[0];
    while (p < fmt.length() && Character.isDigit(fmt.charAt(p))) {
      p++;
    }
    if (p == pos[0]) {
      return null;
    }
    int n = Integer.parseInt(fmt.substring(pos[0], p));
    pos[0] = p;
    return n;
  }

  private static SnapsyncException unterminated() {
    return SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
        "functions.format_unterminated");
  }
}
