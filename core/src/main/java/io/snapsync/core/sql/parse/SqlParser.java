package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.List;

/**
 * Parses one statement: utility statements by hand ({@link UtilityParser}), tables and DML with
 * JSqlParser ({@link DmlTranslator}). Errors are 42601 with a 1-based position in the statement.
 */
public final class SqlParser {

  private SqlParser() {
  }

  public static Stmt parse(String sql) {
    List<Token> tokens = Lexer.tokenize(sql);
    Token first = tokens.get(0);
    if (first.kind() == Token.Kind.EOF) {
      throw ParseErrors.at(first);
    }
    if (UtilityParser.handles(first)) {
      return new UtilityParser(tokens).parse();
    }
    if (first.kind() == Token.Kind.IDENT) {
      switch (first.text()) {
        case "insert" -> {
          Stmt.Insert fast = FastInsertParser.tryParse(tokens);
          return fast != null ? fast : DmlTranslator.parse(sql, tokens);
        }
        case "select", "update", "delete", "create", "drop" -> {
          return DmlTranslator.parse(sql, tokens);
        }
        default -> {
        }
      }
    }
    throw ParseErrors.at(first);
  }

  /** 0A000 for valid SQL outside the subset. */
  static SnapsyncException unsupported(String what) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported", what);
  }
}
