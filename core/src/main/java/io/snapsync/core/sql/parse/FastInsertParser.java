package io.snapsync.core.sql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the common bulk form {@code INSERT INTO t [(cols)] VALUES (...), ...} with
 * constant values: JSqlParser takes hundreds of milliseconds on thousands of rows. Returns null
 * for anything else, which then goes to JSqlParser (and its error reporting).
 */
final class FastInsertParser {

  private final List<Token> tokens;
  private int at;

  private FastInsertParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Stmt.Insert tryParse(List<Token> tokens) {
    try {
      return new FastInsertParser(tokens).parse();
    } catch (IllegalStateException notSimple) {
      return null;
    }
  }

  private Stmt.Insert parse() {
    word("insert");
    word("into");
    String table = ident();
    List<String> cols = null;
    if (peek().isSymbol("(")) {
      at++;
      cols = new ArrayList<>();
      do {
        cols.add(ident());
      } while (symbolIf(","));
      symbol(")");
    }
    word("values");
    List<List<Expr>> rows = new ArrayList<>();
    do {
      symbol("(");
      List<Expr> row = new ArrayList<>(cols == null ? 8 : cols.size());
      do {
        row.add(value());
      } while (symbolIf(","));
      symbol(")");
      rows.add(row);
    } while (symbolIf(","));
    if (peek().kind() != Token.Kind.EOF) {
      throw new IllegalStateException();
    }
    return new Stmt.Insert(table, cols, rows);
  }

  private Expr value() {
    Token t = tokens.get(at++);
    switch (t.kind()) {
      case STRING:
        return new Expr.Literal(t.text());
      case PARAM:
        return new Expr.Param(Integer.parseInt(t.text()));
      case NUMBER:
        return new Expr.Literal(number(t.text(), false));
      case IDENT:
        switch (t.text()) {
          case "true":
            return new Expr.Literal(Boolean.TRUE);
          case "false":
            return new Expr.Literal(Boolean.FALSE);
          case "null":
            return new Expr.Literal(null);
          default:
            throw new IllegalStateException();
        }
      case SYMBOL:
        if (t.text().equals("-") && peek().kind() == Token.Kind.NUMBER) {
          return new Expr.Literal(number(tokens.get(at++).text(), true));
        }
        throw new IllegalStateException();
      default:
        throw new IllegalStateException();
    }
  }

  private static Long number(String s, boolean negative) {
    try {
      return Long.parseLong(negative ? "-" + s : s);
    } catch (NumberFormatException e) {
      throw new IllegalStateException();
    }
  }

  private String ident() {
    Token t = tokens.get(at++);
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw new IllegalStateException();
    }
    return t.text();
  }

  private Token peek() {
    return tokens.get(at);
  }

  private void word(String w) {
    if (!tokens.get(at++).isWord(w)) {
      throw new IllegalStateException();
    }
  }

  private void symbol(String s) {
    if (!tokens.get(at++).isSymbol(s)) {
      throw new IllegalStateException();
    }
  }

  private boolean symbolIf(String s) {
    if (peek().isSymbol(s)) {
      at++;
      return true;
    }
    return false;
  }
}
