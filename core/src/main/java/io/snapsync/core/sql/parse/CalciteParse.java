package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.sql.parser.PgParser;
import io.snapsync.sql.parser.PgSyntaxException;
import org.apache.calcite.sql.SqlNode;

/**
 * Parsing with the project's own grammar ({@code snapsync-sql-parser}), with its syntax errors
 * as the user sees them: 42601 with PostgreSQL's text and 1-based position, or 54001
 * {@code stack depth limit exceeded} with PostgreSQL's hint for nesting past the limit.
 * Parsing is CPU work: call it on a worker thread, never an event loop.
 */
public final class CalciteParse {

  /** SQLSTATE of PostgreSQL's {@code stack depth limit exceeded}. */
  static final String STATEMENT_TOO_COMPLEX = io.snapsync.core.error.SqlState.STATEMENT_TOO_COMPLEX;

  private CalciteParse() {
  }

  /** Parses one statement; throws the user-facing {@link SnapsyncException} on bad syntax. */
  public static SqlNode parse(String oneStatement) {
    try {
      return PgParser.parse(oneStatement);
    } catch (PgSyntaxException e) {
      throw toSnapsync(e);
    }
  }

  /** The user-facing error for a syntax error of the grammar. */
  public static SnapsyncException toSnapsync(PgSyntaxException e) {
    switch (e.kind()) {
      case END_OF_INPUT:
        return SnapsyncException.error(SqlState.SYNTAX_ERROR, "parser.syntax_error_end")
            .withPosition(e.position()).withCause(e);
      case TOO_DEEP:
        // PostgreSQL reports no position for this error.
        return SnapsyncException.error(STATEMENT_TOO_COMPLEX, "parser.stack_depth_exceeded")
            .withHint("parser.stack_depth_exceeded.hint").withCause(e);
      case UNTERMINATED_STRING:
        return SnapsyncException.error(SqlState.SYNTAX_ERROR, "parser.unterminated_string",
            e.token()).withPosition(e.position()).withCause(e);
      case UNTERMINATED_IDENTIFIER:
        return SnapsyncException.error(SqlState.SYNTAX_ERROR,
            "parser.unterminated_identifier", e.token()).withPosition(e.position())
            .withCause(e);
      default:
        return SnapsyncException.error(SqlState.SYNTAX_ERROR, "parser.syntax_error", e.token())
            .withPosition(e.position()).withCause(e);
    }
  }
}
