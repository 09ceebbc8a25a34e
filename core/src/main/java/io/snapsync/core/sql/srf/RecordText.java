package io.snapsync.core.sql.srf;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;
import java.util.List;

/**
 * A record-returning function called in the select list ({@code SELECT jsonb_each(j)}): each
 * row becomes one column holding the record's text, as PostgreSQL prints a record
 * ({@code (a,"b c",)}: a field quoted when empty or holding a quote, backslash, comma,
 * parenthesis or space; NULL empty).
 */
final class RecordText implements SetReturningFunction.Bound {

  private final SetReturningFunction.Bound inner;
  private final List<Column> column;

  RecordText(SetReturningFunction.Bound inner, String name) {
    this.inner = inner;
    this.column = List.of(new Column(name, DataType.TEXT));
  }

  @Override
  public List<DataType> argTypes() {
    return inner.argTypes();
  }

  @Override
  public List<Column> columns() {
    return column;
  }

  @Override
  public boolean strict() {
    return inner.strict();
  }

  @Override
  public RowSource rows(Object[] args, CallContext ctx) {
    RowSource rows = inner.rows(args, ctx);
    List<Column> cols = inner.columns();
    return () -> {
      Object[] r = rows.next();
      if (r == null) {
        return null;
      }
      StringBuilder b = new StringBuilder("(");
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          b.append(',');
        }
        if (r[i] != null) {
          field(b, PgValues.toText(r[i], cols.get(i).type(), ctx.eval().timeZone()));
        }
      }
      return new Object[] {b.append(')').toString()};
    };
  }

  private static void field(StringBuilder b, String s) {
    boolean quote = s.isEmpty();
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == '"' || c == '\\' || c == ',' || c == '(' || c == ')'
          || Character.isWhitespace(c);
    }
    if (!quote) {
      b.append(s);
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append(c);
      }
      b.append(c);
    }
    b.append('"');
  }
}
