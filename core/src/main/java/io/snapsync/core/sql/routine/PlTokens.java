package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.Token;
import java.util.List;
import java.util.Set;

/**
 * A cursor over the lexer's tokens, shared by {@link PlParser}, {@link PlSqlParser} and
 * {@link RoutineParser}: look-ahead, accept/expect, and the source text between tokens.
 */
class PlTokens {

  final String src;
  final List<Token> tokens;
  int at;

  PlTokens(String src) {
    this(src, Lexer.tokenize(src));
  }

  /** A cursor over {@code tokens}, already lexed from {@code src}. */
  PlTokens(String src, List<Token> tokens) {
    this.src = src;
    this.tokens = tokens;
  }

  /** The text up to a depth-0 {@code symbol} (also {@code ;}) or one of {@code words}. */
  String exprUntil(Set<String> words, String symbol) {
    int from = at;
    int depth = 0;
    while (!eof()) {
      Token t = peek();
      if (depth == 0 && (t.isSymbol(";") || (symbol != null && t.isSymbol(symbol))
          || (t.kind() == Token.Kind.IDENT && words.contains(t.text())))) {
        break;
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      }
      next();
    }
    if (at == from) {
      throw ParseErrors.at(peek());
    }
    return text(from, at);
  }

  String text(int from, int to) {
    if (to <= from) {
      return "";
    }
    Token last = tokens.get(to - 1);
    return src.substring(tokens.get(from).pos(), last.pos() + last.raw().length()).trim();
  }

  static SnapsyncException unsupported(String what) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported", what);
  }

  int at() {
    return at;
  }

  boolean eof() {
    return peek().kind() == Token.Kind.EOF;
  }

  Token peek() {
    return tokens.get(at);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Token.Kind.EOF) {
      at++;
    }
    return t;
  }

  boolean accept(String w) {
    if (peek().isWord(w)) {
      at++;
      return true;
    }
    return false;
  }

  boolean acceptSymbol(String s) {
    if (peek().isSymbol(s)) {
      at++;
      return true;
    }
    return false;
  }

  void expect(String w) {
    if (!accept(w)) {
      throw ParseErrors.at(peek());
    }
  }

  void expectSymbol(String s) {
    if (!acceptSymbol(s)) {
      throw ParseErrors.at(peek());
    }
  }
}
