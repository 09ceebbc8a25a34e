package io.snapsync.core.sql.parse;

import java.util.List;

/**
 * Splits an INSERT, UPDATE or DELETE at its RETURNING clause: Calcite's stock Babel grammar has
 * no RETURNING, so the statement before it goes to that grammar and the output list is parsed
 * as a select list. A stopgap until the project's grammar ({@code io.snapsync.sql.parser})
 * parses RETURNING itself. Static, thread-safe.
 *
 * @param statement the statement without its RETURNING clause
 * @param list the text of the output list, or null without RETURNING
 * @param listOffset 0-based offset of {@code list} in the statement text
 */
public record ReturningClause(String statement, String list, int listOffset) {

  /** {@code sql} split at its top-level RETURNING keyword (outside parentheses). */
  public static ReturningClause split(String sql) {
    List<Token> tokens = Lexer.tokenize(sql);
    int depth = 0;
    for (Token t : tokens) {
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        depth--;
      } else if (depth == 0 && t.isWord("returning")) {
        int from = t.pos() + t.raw().length();
        return new ReturningClause(sql.substring(0, t.pos()), sql.substring(from), from);
      }
    }
    return new ReturningClause(sql, null, -1);
  }
}
