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

  /**
   * The token the generated parser could not accept ({@code currentToken.next} of JavaCC's
   * ParseException): line, column and kind (0 is end of input); null if not available.
   */
  private static int[] offendingToken(SqlParseException e) {
    Throwable cause = e.getCause();
    if (cause == null || !cause.getClass().getSimpleName().equals("ParseException")) {
      return null;
    }
    try {
      Object current = cause.getClass().getField("currentToken").get(cause);
      Object next = current == null ? null : current.getClass().getField("next").get(current);
      if (next == null) {
        return null;
      }
      Class<?> t = next.getClass();
      return new int[] {t.getField("beginLine").getInt(next), t.getField("beginColumn").getInt(next),
          t.getField("kind").getInt(next)};
    } catch (ReflectiveOperationException | RuntimeException notJavaCc) {
      return null;
    }
  }

  static SnapsyncException of(String sql, SqlParseException e) {
    int pos = e.getPos() == null ? 0 : Positions.of(sql, e.getPos());
    boolean atEnd = false;
    int[] offending = offendingToken(e);
    if (offending != null) {
      atEnd = offending[2] == 0;
      pos = Positions.of(sql, offending[0], offending[1]);
      // Babel reports an incomplete last token ("SELECT 1 +") as the offending one
      String rest = pos > 0 && pos <= sql.length() ? sql.substring(pos - 1).strip() : "";
      if (!rest.isEmpty() && !rest.startsWith(")") && !rest.contains(" ")
          && rest.length() <= 6 && !Character.isLetterOrDigit(rest.charAt(0))) {
        atEnd = true;
      }
    }
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
