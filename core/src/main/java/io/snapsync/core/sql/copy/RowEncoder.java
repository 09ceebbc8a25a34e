package io.snapsync.core.sql.copy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes COPY TO rows (already as text, null for NULL) in PostgreSQL's text or CSV format.
 * Text: backslash, the delimiter, and {@code \b \f \n \r \t \v} are backslash-escaped. CSV: a
 * field is quoted when it holds the delimiter, the quote, a newline or carriage return, equals
 * the NULL string, or its column is in FORCE_QUOTE; inside quotes the quote and escape
 * characters are preceded by the escape character. Stateless; thread-safe.
 */
final class RowEncoder {

  private final CopyOptions o;
  private final byte[] nullBytes;
  private final boolean[] forceQuote;

  RowEncoder(CopyOptions o, boolean[] forceQuote) {
    this.o = o;
    this.nullBytes = o.nullString().getBytes(StandardCharsets.UTF_8);
    this.forceQuote = forceQuote;
  }

  /** The header line: the column names. */
  void header(List<String> names, Buffer out) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.appendByte((byte) o.delimiter());
      }
      if (o.csv()) {
        csv(names.get(i), false, out);
      } else {
        text(names.get(i), out);
      }
    }
    out.appendByte((byte) '\n');
  }

  void row(List<String> fields, Buffer out) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.appendByte((byte) o.delimiter());
      }
      String v = fields.get(i);
      if (v == null) {
        out.appendBytes(nullBytes);
      } else if (o.csv()) {
        csv(v, forceQuote != null && forceQuote[i], out);
      } else {
        text(v, out);
      }
    }
    out.appendByte((byte) '\n');
  }

  private void text(String v, Buffer out) {
    char delim = o.delimiter();
    int start = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      char esc;
      if (c < 0x20) {
        switch (c) {
          case '\b' -> esc = 'b';
          case '\f' -> esc = 'f';
          case '\n' -> esc = 'n';
          case '\r' -> esc = 'r';
          case '\t' -> esc = 't';
          case 0x0b -> esc = 'v';
          default -> esc = c == delim ? c : 0;
        }
        if (esc == 0) {
          continue;
        }
      } else if (c == '\\' || c == delim) {
        esc = c;
      } else {
        continue;
      }
      out.appendString(v.substring(start, i)).appendByte((byte) '\\').appendByte((byte) esc);
      start = i + 1;
    }
    out.appendString(v.substring(start));
  }

  private void csv(String v, boolean force, Buffer out) {
    char quote = o.quote();
    char escape = o.escape();
    boolean needs = force || v.equals(o.nullString())
        || (v.startsWith("\\.") && v.length() == 2);
    for (int i = 0; i < v.length() && !needs; i++) {
      char c = v.charAt(i);
      needs = c == o.delimiter() || c == quote || c == '\n' || c == '\r';
    }
    if (!needs) {
      out.appendString(v);
      return;
    }
    StringBuilder sb = new StringBuilder(v.length() + 2).append(quote);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == quote || c == escape) {
        sb.append(escape);
      }
      sb.append(c);
    }
    out.appendString(sb.append(quote).toString());
  }
}
