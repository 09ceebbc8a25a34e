package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.Token;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Calcite parse errors as PostgreSQL's 42601: {@code syntax error at or near "tok"} naming the
 * token Calcite stopped at, or {@code syntax error at end of input}, with a 1-based position.
 */
final class SyntaxErrors {

  private SyntaxErrors() {
  }

  static SnapsyncException of(String sql, SqlParseException e) {
    int pos = e.getPos() == null ? 0 : Positions.of(sql, e.getPos());
    boolean atEnd = e.getMessage() != null && e.getMessage().contains("<EOF>");
    Token at = null;
    if (!atEnd && pos > 0) {
      try {
        List<Token> tokens = Lexer.tokenize(sql);
        for (Token t : tokens) {
          if (t.kind() != Token.Kind.EOF && t.pos() <= pos - 1
              && pos - 1 < t.pos() + Math.max(1, t.raw().length())) {
            at = t;
            break;
          }
        }
      } catch (SnapsyncException lexError) {
        return lexError;
      }
    }
    if (at == null) {
      String rest = pos > 0 && pos <= sql.length() ? sql.substring(pos - 1).strip() : "";
      if (rest.isEmpty() || atEnd) {
        return SnapsyncException.error(SqlState.SYNTAX_ERROR, "engine.syntax_error_end")
            .withPosition(sql.stripTrailing().length() + 1);
      }
      String word = rest.split("[\\s(),;]", 2)[0];
      return SnapsyncException.error(SqlState.SYNTAX_ERROR, "engine.syntax_error",
          word.isEmpty() ? rest.substring(0, 1) : word).withPosition(pos);
    }
    return SnapsyncException.error(SqlState.SYNTAX_ERROR, "engine.syntax_error", at.raw())
        .withPosition(at.pos() + 1);
  }
}
