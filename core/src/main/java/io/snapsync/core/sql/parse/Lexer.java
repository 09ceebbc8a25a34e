package io.snapsync.core.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits statement text into {@link Token}s (PostgreSQL lexical rules, simplified). */
public final class Lexer {

  private Lexer() {
  }

  public static List<Token> tokenize(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
        int start = i;
        if (c != '\'') {
          i++;
        }
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char d = sql.charAt(i);
          if (d == '\'') {
            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
              sb.append('\'');
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          sb.append(d);
          i++;
        }
        if (!closed) {
          throw ParseErrors.unterminated(start);
        }
        out.add(new Token(Token.Kind.STRING, sb.toString(), start, sql.substring(start, i)));
      } else if (c == '"') {
        int start = i;
        int end = sql.indexOf('"', i + 1);
        if (end < 0) {
          throw ParseErrors.unterminated(start);
        }
        out.add(new Token(Token.Kind.QUOTED_IDENT, sql.substring(i + 1, end), start,
            sql.substring(start, end + 1)));
        i = end + 1;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        String t = sql.substring(start, i);
        out.add(new Token(Token.Kind.NUMBER, t, start, t));
      } else if (c == '$' && DollarQuotes.tagAt(sql, i) != null) {
        int start = i;
        String tag = DollarQuotes.tagAt(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        if (end < 0) {
          throw ParseErrors.unterminated(start);
        }
        i = end + tag.length();
        out.add(new Token(Token.Kind.STRING, sql.substring(start + tag.length(), end), start,
            sql.substring(start, i)));
      } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        int start = i++;
        while (i < n && Character.isDigit(sql.charAt(i))) {
          i++;
        }
        String t = sql.substring(start, i);
        out.add(new Token(Token.Kind.PARAM, t.substring(1), start, t));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$')) {
          i++;
        }
        String t = sql.substring(start, i);
        out.add(new Token(Token.Kind.IDENT, t.toLowerCase(Locale.ROOT), start, t));
      } else {
        int start = i;
        String two = i + 1 < n ? sql.substring(i, i + 2) : "";
        if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")
            || two.equals("::")) {
          i += 2;
          out.add(new Token(Token.Kind.SYMBOL, two, start, two));
        } else {
          i++;
          out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, String.valueOf(c)));
        }
      }
    }
    out.add(new Token(Token.Kind.EOF, "", n, ""));
    return out;
  }

  /**
   * Splits {@code sql} on {@code ;} outside quotes and comments; returns the start offsets and
   * texts of the non-blank pieces.
   */
  public static List<Piece> split(String sql) {
    List<Piece> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = sql.length();
    AtomicBlocks atomic = new AtomicBlocks();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '$' && DollarQuotes.tagAt(sql, i) != null
          && (i == 0 || !DollarQuotes.identPart(sql.charAt(i - 1)))) {
        String tag = DollarQuotes.tagAt(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        i = end < 0 ? n : end + tag.length();
      } else if (c == '\'' || c == '"') {
        int end = i + 1;
        while (end < n) {
          if (sql.charAt(end) == c) {
            if (end + 1 < n && sql.charAt(end + 1) == c) {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        i = end + 1;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == ';' && atomic.depth() == 0) {
        add(out, sql, start, i);
        start = i + 1;
        atomic = new AtomicBlocks();
        i++;
      } else if ((Character.isLetter(c) || c == '_')
          && (i == 0 || !DollarQuotes.identPart(sql.charAt(i - 1)))) {
        int end = i;
        while (end < n && DollarQuotes.identPart(sql.charAt(end))) {
          end++;
        }
        atomic.word(sql.substring(i, end));
        i = end;
      } else {
        i++;
      }
    }
    add(out, sql, start, Math.min(n, Math.max(start, n)));
    return out;
  }

  private static void add(List<Piece> out, String sql, int start, int end) {
    String t = sql.substring(start, end);
    if (!tokenizeQuietlyBlank(t)) {
      out.add(new Piece(start, t));
    }
  }

  private static boolean tokenizeQuietlyBlank(String t) {
    try {
      return tokenize(t).size() == 1;
    } catch (RuntimeException e) {
      return t.isBlank();
    }
  }

  /** A statement's text and its offset in the whole string. */
  public record Piece(int offset, String text) {
  }
}
