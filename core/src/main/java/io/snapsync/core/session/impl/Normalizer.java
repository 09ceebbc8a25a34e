package io.snapsync.core.session.impl;

import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.Token;

/** Statement text for statistics: literals replaced by {@code ?}, whitespace collapsed. */
final class Normalizer {

  static final int MAX_LENGTH = 1024;

  private Normalizer() {
  }

  static String normalize(String sql) {
    StringBuilder sb = new StringBuilder(Math.min(sql.length(), MAX_LENGTH));
    try {
      for (Token t : Lexer.tokenize(sql)) {
        if (t.kind() == Token.Kind.EOF) {
          break;
        }
        if (sb.length() > 0 && !t.isSymbol(",") && !t.isSymbol(")")
            && sb.charAt(sb.length() - 1) != '(') {
          sb.append(' ');
        }
        switch (t.kind()) {
          case STRING, NUMBER -> sb.append('?');
          case IDENT -> sb.append(t.text());
          default -> sb.append(t.raw());
        }
        if (sb.length() >= MAX_LENGTH) {
          sb.setLength(MAX_LENGTH);
          break;
        }
      }
    } catch (RuntimeException e) {
      return sql.length() > MAX_LENGTH ? sql.substring(0, MAX_LENGTH) : sql;
    }
    return sb.toString();
  }
}
