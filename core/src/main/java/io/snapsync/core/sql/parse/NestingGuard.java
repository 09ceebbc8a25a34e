package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.List;

/**
 * Checks a statement's parentheses before any grammar sees it, in one pass over the tokens:
 * an unclosed {@code (} is 42601 {@code syntax error at end of input}, a stray {@code )} is
 * 42601 at that token, and nesting deeper than {@link #MAX_DEPTH} is PostgreSQL's 54001
 * {@code stack depth limit exceeded}. Backtracking grammars spend exponential time exactly on
 * these inputs, so they never reach one.
 */
public final class NestingGuard {

  /** Deepest nesting of parentheses accepted (PostgreSQL's own limit is its stack). */
  public static final int MAX_DEPTH = 200;

  private NestingGuard() {
  }

  /** Throws for unbalanced parentheses or nesting deeper than {@link #MAX_DEPTH}. */
  public static void check(List<Token> tokens) {
    int depth = 0;
    for (Token t : tokens) {
      if (t.kind() != Token.Kind.SYMBOL) {
        continue;
      }
      if (t.text().equals("(")) {
        if (++depth > MAX_DEPTH) {
          throw tooDeep();
        }
      } else if (t.text().equals(")")) {
        if (--depth < 0) {
          throw ParseErrors.at(t);
        }
      }
    }
    if (depth > 0) {
      throw ParseErrors.at(tokens.get(tokens.size() - 1));
    }
  }

  /** 54001 {@code stack depth limit exceeded}, with PostgreSQL's hint. */
  public static SnapsyncException tooDeep() {
    return SnapsyncException.error(SqlState.STATEMENT_TOO_COMPLEX, "sql.stack_depth")
        .withHint("sql.stack_depth.hint");
  }
}
