package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.copy.CopyOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code COPY} by hand, as {@link UtilityParser} parses its statements: {@code COPY table
 * [(cols)] FROM|TO STDIN|STDOUT|'file' [[WITH] (option [value], ...)]}, {@code COPY (query) TO
 * ...}, and the old option syntax ({@code [WITH] [BINARY] [DELIMITER [AS] 'c'] [NULL [AS] 'n']
 * [CSV [HEADER] [QUOTE [AS] 'q'] [ESCAPE [AS] 'e'] [FORCE QUOTE cols|*] [FORCE NOT NULL
 * cols]]}).
 */
final class CopyParser {

  private final String sql;
  private final List<Token> tokens;
  private int at = 1;
  private CopyOptions.Format format;
  private String delimiter;
  private String nullString;
  private Boolean header;
  private String quote;
  private String escape;
  private List<String> forceNotNull;
  private List<String> forceNull;
  private List<String> forceQuote;

  private CopyParser(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  static Stmt.Copy parse(String sql, List<Token> tokens) {
    return new CopyParser(sql, tokens).parse();
  }

  private Stmt.Copy parse() {
    String table = null;
    List<String> columns = null;
    String query = null;
    if (wordIf("binary")) {
      format = CopyOptions.Format.BINARY;
    }
    if (peek().isSymbol("(")) {
      query = subquery();
    } else {
      table = name();
      if (peek().isSymbol("(")) {
        columns = nameList();
      }
    }
    boolean from;
    if (wordIf("from")) {
      from = true;
    } else if (wordIf("to")) {
      from = false;
    } else {
      throw ParseErrors.at(peek());
    }
    if (query != null && from) {
      throw ParseErrors.at(tokens.get(at - 1));
    }
    String file = null;
    Token target = next();
    if (target.isWord("program")) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "copy.program");
    } else if (target.kind() == Token.Kind.STRING) {
      file = literal(target);
    } else if (!target.isWord(from ? "stdin" : "stdout")) {
      throw ParseErrors.at(target);
    }
    options();
    if (peek().kind() != Token.Kind.EOF) {
      throw ParseErrors.at(peek());
    }
    return new Stmt.Copy(table, columns, query, from, file, CopyOptions.resolve(format,
        delimiter, nullString, header != null && header, quote, escape, forceNotNull,
        forceNull, forceQuote, from));
  }

  private void options() {
    boolean with = wordIf("with");
    if (peek().isSymbol("(")) {
      next();
      do {
        option();
      } while (symbolIf(","));
      expect(")");
      return;
    }
    while (peek().kind() == Token.Kind.IDENT) {
      Token t = next();
      switch (t.text()) {
        case "binary" -> setFormat(CopyOptions.Format.BINARY);
        case "csv" -> setFormat(CopyOptions.Format.CSV);
        case "header" -> setHeader(true);
        case "delimiter" -> delimiter = once(delimiter, stringAfterAs());
        case "null" -> nullString = once(nullString, stringAfterAs());
        case "quote" -> quote = once(quote, stringAfterAs());
        case "escape" -> escape = once(escape, stringAfterAs());
        case "force" -> {
          if (wordIf("quote")) {
            forceQuote = once(forceQuote, symbolIf("*") ? List.of() : bareNames());
          } else if (wordIf("not")) {
            expectWord("null");
            forceNotNull = once(forceNotNull, bareNames());
          } else {
            throw ParseErrors.at(peek());
          }
        }
        case "encoding" -> encoding(stringAfterAs());
        default -> throw ParseErrors.at(t);
      }
    }
    if (with && tokens.get(at - 1).isWord("with")) {
      throw ParseErrors.at(peek());
    }
  }

  private void option() {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw ParseErrors.at(t);
    }
    switch (t.text()) {
      case "format" -> {
        String f = word();
        switch (f) {
          case "text" -> setFormat(CopyOptions.Format.TEXT);
          case "csv" -> setFormat(CopyOptions.Format.CSV);
          case "binary" -> setFormat(CopyOptions.Format.BINARY);
          default -> throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
              "copy.format_unknown", f);
        }
      }
      case "delimiter" -> delimiter = once(delimiter, string());
      case "null" -> nullString = once(nullString, string());
      case "quote" -> quote = once(quote, string());
      case "escape" -> escape = once(escape, string());
      case "header" -> setHeader(bool("header"));
      case "force_quote" -> forceQuote = once(forceQuote, symbolIf("*") ? List.of() : nameList());
      case "force_not_null" -> forceNotNull = once(forceNotNull, nameList());
      case "force_null" -> forceNull = once(forceNull, nameList());
      case "encoding" -> encoding(string());
      case "freeze" -> bool("freeze");
      default -> throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "copy.option_unknown",
          t.text()).withPosition(t.pos() + 1);
    }
  }

  private void encoding(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    if (!n.equals("utf8") && !n.equals("unicode") && !n.equals("sqlascii")) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "copy.encoding", name);
    }
  }

  private void setFormat(CopyOptions.Format f) {
    if (format != null && format != f) {
      throw redundant();
    }
    format = f;
  }

  private void setHeader(boolean h) {
    header = once(header, h);
  }

  private static <T> T once(T old, T value) {
    if (old != null) {
      throw redundant();
    }
    return value;
  }

  private static SnapsyncException redundant() {
    return SnapsyncException.error(SqlState.SYNTAX_ERROR, "copy.redundant_options");
  }

  /** A boolean option's value; none means true. {@code match} (PostgreSQL 15) is taken as true. */
  private boolean bool(String option) {
    Token t = peek();
    if (t.isSymbol(",") || t.isSymbol(")")) {
      return true;
    }
    next();
    String v = t.text().toLowerCase(java.util.Locale.ROOT);
    return switch (v) {
      case "true", "on", "1", "match" -> true;
      case "false", "off", "0" -> false;
      default -> throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "copy.option_boolean", option);
    };
  }

  private String stringAfterAs() {
    wordIf("as");
    return string();
  }

  private String string() {
    Token t = next();
    if (t.kind() != Token.Kind.STRING) {
      throw ParseErrors.at(t);
    }
    return literal(t);
  }

  private String word() {
    Token t = next();
    if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.IDENT
        || t.kind() == Token.Kind.QUOTED_IDENT) {
      return t.kind() == Token.Kind.STRING ? literal(t) : t.text();
    }
    throw ParseErrors.at(t);
  }

  /** A string literal's value: {@code E'...'} strings get their backslash escapes. */
  private static String literal(Token t) {
    return t.raw().startsWith("E") || t.raw().startsWith("e") ? EscapeString.decode(t.text())
        : t.text();
  }

  /** The text of {@code (query)}, without the parentheses. */
  private String subquery() {
    Token open = next();
    int depth = 1;
    while (true) {
      Token t = next();
      if (t.kind() == Token.Kind.EOF) {
        throw ParseErrors.at(t);
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")") && --depth == 0) {
        String q = sql.substring(open.pos() + 1, t.pos());
        if (q.isBlank()) {
          throw ParseErrors.at(t);
        }
        return q;
      }
    }
  }

  private String name() {
    String n = ident(next());
    if (symbolIf(".")) {
      // the table's key name: bare in public, schema.table elsewhere (pg_dump qualifies all)
      n = io.snapsync.core.sql.ddl.Names.key(n, ident(next()));
    }
    return n;
  }

  private List<String> nameList() {
    expect("(");
    List<String> out = bareNames();
    expect(")");
    return out;
  }

  private List<String> bareNames() {
    List<String> out = new ArrayList<>();
    do {
      out.add(ident(next()));
    } while (symbolIf(","));
    return out;
  }

  private static String ident(Token t) {
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw ParseErrors.at(t);
    }
    return t.text();
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Token.Kind.EOF) {
      at++;
    }
    return t;
  }

  private void expect(String symbol) {
    Token t = next();
    if (!t.isSymbol(symbol)) {
      throw ParseErrors.at(t);
    }
  }

  private void expectWord(String w) {
    Token t = next();
    if (!t.isWord(w)) {
      throw ParseErrors.at(t);
    }
  }

  private boolean wordIf(String w) {
    if (peek().isWord(w)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean symbolIf(String s) {
    if (peek().isSymbol(s)) {
      at++;
      return true;
    }
    return false;
  }
}
