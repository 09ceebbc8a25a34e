package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;

/** The syntax errors of the parsers, as PostgreSQL words them. */
public final class ParseErrors {

  private ParseErrors() {
  }

  /** 42601 {@code syntax error at or near "tok"} (or {@code at end of input}). */
  public static SnapsyncException at(Token t) {
    if (t.kind() == Token.Kind.EOF) {
      return SnapsyncException.error(SqlState.SYNTAX_ERROR, "sql.syntax_error_end")
          .withPosition(t.pos() + 1);
    }
    return SnapsyncException.error(SqlState.SYNTAX_ERROR, "sql.syntax_error", t.raw())
        .withPosition(t.pos() + 1);
  }

  static SnapsyncException unterminated(int pos) {
    return SnapsyncException.error(SqlState.SYNTAX_ERROR, "sql.unterminated_literal")
        .withPosition(pos + 1);
  }
}
