package io.snapsync.core.sql.parse;

/**
 * A lexical token of a statement.
 *
 * @param kind what it is
 * @param text identifier (lower-cased unless quoted), literal value or symbol
 * @param pos 0-based offset in the statement text
 * @param raw the source text of the token (for error messages)
 */
public record Token(Kind kind, String text, int pos, String raw) {

  /** Token kinds. */
  public enum Kind { IDENT, QUOTED_IDENT, STRING, NUMBER, PARAM, SYMBOL, EOF }

  public boolean isWord(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }

  public boolean isSymbol(String s) {
    return kind == Kind.SYMBOL && text.equals(s);
  }
}
