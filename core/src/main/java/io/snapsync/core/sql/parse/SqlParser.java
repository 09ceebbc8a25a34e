package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses one statement: utility statements by hand ({@link UtilityParser}), bulk constant INSERT
 * by hand ({@link FastInsertParser}), CREATE/DROP TABLE with JSqlParser ({@link DmlTranslator});
 * queries ({@link Stmt.Query}) and other INSERT, UPDATE, DELETE ({@link Stmt.Modify}) are parsed
 * by the engine on its worker. Errors are 42601 with a 1-based position in the statement.
 */
public final class SqlParser {

  /** Parsed statements kept per exact text (JSqlParser dominated statement CPU in bench/). */
  static final int CACHE_MAX = 1024;
  /** Longer texts (bulk inserts, literals) are not worth keeping. */
  static final int CACHE_TEXT_MAX = 1024;

  private static final Map<String, Stmt> CACHE = new ConcurrentHashMap<>();

  private SqlParser() {
  }

  /**
   * Parses one statement. Statements that go through JSqlParser are cached by their exact
   * text: a {@link Stmt} is immutable and independent of the session, and parameters stay
   * {@code $n} placeholders bound at execution.
   */
  public static Stmt parse(String sql) {
    Stmt cached = CACHE.get(sql);
    if (cached != null) {
      return cached;
    }
    Stmt stmt = parseUncached(sql);
    if (sql.length() <= CACHE_TEXT_MAX && isDml(stmt)) {
      if (CACHE.size() >= CACHE_MAX) {
        CACHE.clear();
      }
      CACHE.put(sql, stmt);
    }
    return stmt;
  }

  private static boolean isDml(Stmt stmt) {
    return stmt instanceof Stmt.Modify
        || stmt instanceof Stmt.Insert || stmt instanceof Stmt.Query;
  }

  private static Stmt parseUncached(String sql) {
    List<Token> tokens = Lexer.tokenize(sql);
    Token first = tokens.get(0);
    if (first.kind() == Token.Kind.EOF) {
      throw ParseErrors.at(first);
    }
    if (UtilityParser.handles(first)) {
      return new UtilityParser(tokens).parse();
    }
    if (first.isSymbol("(")) {
      return query(sql);
    }
    if (first.kind() == Token.Kind.IDENT) {
      switch (first.text()) {
        case "select", "with", "values", "table" -> {
          return query(sql);
        }
        case "insert" -> {
          Stmt.Insert fast = FastInsertParser.tryParse(tokens);
          return fast != null ? fast : new Stmt.Modify(sql, "INSERT");
        }
        case "update" -> {
          return new Stmt.Modify(sql, "UPDATE");
        }
        case "delete" -> {
          return new Stmt.Modify(sql, "DELETE");
        }
        case "truncate" -> {
          return TruncateParser.parse(tokens);
        }
        case "copy" -> {
          return CopyParser.parse(sql, tokens);
        }
        case "create", "drop" -> {
          return DmlTranslator.parse(sql, tokens);
        }
        default -> {
        }
      }
    }
    throw ParseErrors.at(first);
  }

  /** A query for the engine, its syntax checked by the engine's grammar (42601 here). */
  private static Stmt query(String sql) {
    io.snapsync.core.sql.engine.analyze.Analyzer.parse(sql);
    return new Stmt.Query(sql);
  }

  /** 0A000 for valid SQL outside the subset. */
  static SnapsyncException unsupported(String what) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported", what);
  }
}
