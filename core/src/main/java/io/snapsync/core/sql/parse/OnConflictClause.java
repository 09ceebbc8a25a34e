package io.snapsync.core.sql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INSERT at its {@code ON CONFLICT [(columns)] DO NOTHING | DO UPDATE SET ...
 * [WHERE ...]} clause: Calcite's stock Babel grammar has none, so the INSERT before it goes to
 * that grammar and the {@code SET ...} text is parsed as the SET of an UPDATE. A stopgap
 * until the project's grammar ({@code io.snapsync.sql.parser}) parses ON CONFLICT itself.
 *
 * @param statement the INSERT without the clause
 * @param present whether there is an ON CONFLICT clause
 * @param columns the conflict target columns, or null when not given
 * @param update the text from {@code SET} on for DO UPDATE, or null for DO NOTHING
 */
public record OnConflictClause(String statement, boolean present, List<String> columns,
    String update) {

  /** {@code insert} (without RETURNING) split at its top-level ON CONFLICT. */
  public static OnConflictClause split(String insert) {
    List<Token> tokens = Lexer.tokenize(insert);
    int depth = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.isWord("on") && tokens.get(i + 1).isWord("conflict")) {
        return clause(insert, tokens, i);
      }
    }
    return new OnConflictClause(insert, false, null, null);
  }

  private static OnConflictClause clause(String insert, List<Token> tokens, int on) {
    int at = on + 2;
    List<String> columns = null;
    if (tokens.get(at).isSymbol("(")) {
      columns = new ArrayList<>();
      at++;
      do {
        Token c = tokens.get(at++);
        if (c.kind() != Token.Kind.IDENT && c.kind() != Token.Kind.QUOTED_IDENT) {
          throw ParseErrors.at(c);
        }
        columns.add(c.text());
      } while (tokens.get(at).isSymbol(",") && at++ > 0);
      if (!tokens.get(at++).isSymbol(")")) {
        throw ParseErrors.at(tokens.get(at - 1));
      }
    } else if (tokens.get(at).isWord("on")) {
      throw SqlParser.unsupported("ON CONFLICT ON CONSTRAINT");
    }
    if (!tokens.get(at++).isWord("do")) {
      throw ParseErrors.at(tokens.get(at - 1));
    }
    Token what = tokens.get(at++);
    String before = insert.substring(0, tokens.get(on).pos());
    if (what.isWord("nothing")) {
      if (tokens.get(at).kind() != Token.Kind.EOF) {
        throw ParseErrors.at(tokens.get(at));
      }
      return new OnConflictClause(before, true, columns, null);
    }
    if (!what.isWord("update") || !tokens.get(at).isWord("set")) {
      throw ParseErrors.at(what.isWord("update") ? tokens.get(at) : what);
    }
    if (columns == null) {
      throw SqlParser.unsupported("ON CONFLICT DO UPDATE without a conflict target");
    }
    return new OnConflictClause(before, true, columns, insert.substring(tokens.get(at).pos()));
  }
}
