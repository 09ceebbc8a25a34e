package io.snapsync.core.sql.srf;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.SrfSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Text split into rows: {@code string_to_table(text, delimiter [, null_string])},
 * {@code regexp_split_to_table(text, pattern [, flags])} and {@code regexp_matches(text,
 * pattern [, flags])} (every match with flag g, else the first), with PostgreSQL's handling
 * of empty strings and zero-length matches.
 */
final class TextSrfs {

  private TextSrfs() {
  }

  static List<SetReturningFunction> all() {
    return List.of(
        new Srf("string_to_table", Srf.Kind.BASE, (args, declared) -> texts(args, 2, 3,
            "string_to_table", DataType.TEXT, TextSrfs::split)),
        new Srf("regexp_split_to_table", Srf.Kind.BASE, (args, declared) -> texts(args, 2, 3,
            "regexp_split_to_table", DataType.TEXT, TextSrfs::regexSplit)),
        new Srf("regexp_matches", Srf.Kind.BASE, (args, declared) -> texts(args, 2, 3,
            "regexp_matches", DataType.TEXT_ARRAY, TextSrfs::matches)));
  }

  private interface Rows {
    List<Object> of(Object[] args);
  }

  private static Optional<SetReturningFunction.Bound> texts(List<DataType> args, int min,
      int max, String name, DataType out, Rows rows) {
    if (args.size() < min || args.size() > max || !args.stream().allMatch(Srf::text)) {
      return Optional.empty();
    }
    List<DataType> params = Collections.nCopies(args.size(), DataType.TEXT);
    boolean strictDelimiter = !name.equals("string_to_table");
    return Optional.of(new SetReturningFunction.Bound() {
      @Override
      public List<DataType> argTypes() {
        return params;
      }

      @Override
      public List<Column> columns() {
        return List.of(new Column(name, out));
      }

      @Override
      public boolean strict() {
        return strictDelimiter;
      }

      @Override
      public RowSource rows(Object[] a, CallContext ctx) {
        if (a[0] == null) {
          return RowSource.empty();
        }
        List<Object> values = rows.of(a);
        int[] i = {0};
        return () -> i[0] < values.size() ? new Object[] {values.get(i[0]++)} : null;
      }
    });
  }

  private static List<Object> split(Object[] a) {
    String s = (String) a[0];
    String delim = (String) a[1];
    String nullString = a.length > 2 ? (String) a[2] : null;
    List<Object> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    if (delim == null) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
    } else if (delim.isEmpty()) {
      out.add(s);
    } else {
      int at = 0;
      int next;
      while ((next = s.indexOf(delim, at)) >= 0) {
        out.add(s.substring(at, next));
        at = next + delim.length();
      }
      out.add(s.substring(at));
    }
    if (nullString != null) {
      out.replaceAll(v -> nullString.equals(v) ? null : v);
    }
    return out;
  }

  private static List<Object> regexSplit(Object[] a) {
    String s = (String) a[0];
    Matcher m = SrfSupport.regex((String) a[1], a.length > 2 ? (String) a[2] : "").matcher(s);
    List<Object> out = new ArrayList<>();
    int len = s.length();
    int prevEnd = 0;
    int start = 0;
    while (start <= len && m.find(start)) {
      int so = m.start();
      int eo = m.end();
      if (so < len && eo > prevEnd) {
        out.add(s.substring(prevEnd, so));
        prevEnd = eo;
      }
      start = so == eo ? eo + 1 : eo;
    }
    out.add(s.substring(prevEnd));
    return out;
  }

  private static List<Object> matches(Object[] a) {
    String s = (String) a[0];
    String flags = a.length > 2 ? (String) a[2] : "";
    Matcher m = SrfSupport.regex((String) a[1], flags).matcher(s);
    boolean global = flags.indexOf('g') >= 0;
    List<Object> out = new ArrayList<>();
    int start = 0;
    while (start <= s.length() && m.find(start)) {
      List<String> groups = new ArrayList<>();
      if (m.groupCount() == 0) {
        groups.add(m.group());
      } else {
        for (int g = 1; g <= m.groupCount(); g++) {
          groups.add(m.group(g));
        }
      }
      out.add(Collections.unmodifiableList(groups));
      if (!global) {
        break;
      }
      start = m.start() == m.end() ? m.end() + 1 : m.end();
    }
    return out;
  }
}
