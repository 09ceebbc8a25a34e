package io.snapsync.sql.parser;

/**
 * A statement the grammar rejects: what kind of error, the offending token's text as written
 * and its 1-based character position in the statement (as PostgreSQL reports them). Core turns
 * it into its user-facing error; the message here is English for logs only.
 */
public final class PgSyntaxException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    /** {@code syntax error at or near "token"}. */
    NEAR_TOKEN,
    /** {@code syntax error at end of input}. */
    END_OF_INPUT,
    /** Nesting deeper than {@link PgParser#MAX_NESTING} ({@code stack depth limit exceeded}). */
    TOO_DEEP,
    /** {@code unterminated quoted string at or near "'abc"}. */
    UNTERMINATED_STRING,
    /** {@code unterminated quoted identifier at or near ""abc"}. */
    UNTERMINATED_IDENTIFIER
  }

  private final Kind kind;
  private final String token;
  private final int position;

  public PgSyntaxException(Kind kind, String token, int position) {
    super(describe(kind, token, position), null, false, false);
    this.kind = kind;
    this.token = token;
    this.position = position;
  }

  public Kind kind() {
    return kind;
  }

  /** The offending token as written; empty at end of input. */
  public String token() {
    return token;
  }

  /** 1-based character position of the offending token (for END_OF_INPUT: length + 1). */
  public int position() {
    return position;
  }

  private static String describe(Kind kind, String token, int position) {
    switch (kind) {
      case END_OF_INPUT:
        return "syntax error at end of input (position " + position + ")";
      case TOO_DEEP:
        return "stack depth limit exceeded (position " + position + ")";
      case UNTERMINATED_STRING:
        return "unterminated quoted string at or near \"" + token + "\" (position " + position
            + ")";
      case UNTERMINATED_IDENTIFIER:
        return "unterminated quoted identifier at or near \"" + token + "\" (position "
            + position + ")";
      default:
        return "syntax error at or near \"" + token + "\" (position " + position + ")";
    }
  }
}
