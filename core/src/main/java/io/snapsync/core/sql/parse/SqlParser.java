package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Parses one statement: utility statements by hand ({@link UtilityParser}), bulk constant INSERT
 * by hand ({@link FastInsertParser}), DDL with the project's grammar ({@link Stmt.Ddl}); queries ({@link Stmt.Query}) and other INSERT, UPDATE, DELETE ({@link Stmt.Modify}) are parsed
 * by the engine on its worker. Errors are 42601 with a 1-based position in the statement.
 */
public final class SqlParser {

  /** Parsed statements kept per exact text (parsing dominated statement CPU in bench/). */
  static final int CACHE_MAX = 1024;
  /** Longer texts (bulk inserts, literals) are not worth keeping. */
  static final int CACHE_TEXT_MAX = 1024;

  private static final io.snapsync.core.sql.BoundedMemo<String, Stmt> CACHE =
      new io.snapsync.core.sql.BoundedMemo<>(CACHE_MAX);

  private SqlParser() {
  }

  /**
   * Parses one statement. Statements are cached by their exact text: a {@link Stmt} is
   * immutable and independent of the session, and parameters stay {@code $n} placeholders
   * bound at execution.
   */
  public static Stmt parse(String sql) {
    return parse(sql, () -> false);
  }

  /**
   * Parses one statement; a parse still running when {@code canceled} turns true stops with
   * 57014. Blocking: call on a worker thread, never on an event loop. Time is linear in the
   * text's length for the hand-written parsers and the project's grammar; statements nested
   * deeper than {@link NestingGuard#MAX_DEPTH} end as 54001 {@code stack depth limit exceeded}.
   */
  public static Stmt parse(String sql, BooleanSupplier canceled) {
    Stmt cached = CACHE.get(sql);
    if (cached != null) {
      return cached;
    }
    Stmt stmt;
    try {
      stmt = parseUncached(sql, canceled);
    } catch (StackOverflowError e) {
      throw NestingGuard.tooDeep();
    }
    if (sql.length() <= CACHE_TEXT_MAX) {
      CACHE.put(sql, stmt);
    }
    return stmt;
  }

  /**
   * The statement parsed earlier from exactly {@code sql}, or null. A map lookup, no parsing:
   * safe on an event loop.
   */
  public static Stmt cached(String sql) {
    return CACHE.get(sql);
  }

  private static Stmt parseUncached(String sql, BooleanSupplier canceled) {
    List<Token> tokens = Lexer.tokenize(sql);
    Token first = tokens.get(0);
    if (first.kind() == Token.Kind.EOF) {
      throw ParseErrors.at(first);
    }
    NestingGuard.check(tokens);
    if (AccessParser.handles(tokens)) {
      return new AccessParser(sql, tokens).parse();
    }
    if (io.snapsync.core.sql.routine.RoutineParser.handles(tokens)) {
      return io.snapsync.core.sql.routine.RoutineParser.parse(sql, tokens);
    }
    if (first.isWord("alter") && !tokens.get(1).isWord("system")) {
      return new Stmt.Ddl(io.snapsync.core.sql.ddl.DdlParser.parse(sql));
    }
    if (io.snapsync.core.sql.cursor.CursorParser.handles(tokens)) {
      return io.snapsync.core.sql.cursor.CursorParser.parse(sql, tokens);
    }
    if (io.snapsync.core.sql.lock.LockParser.handles(tokens)) {
      return io.snapsync.core.sql.lock.LockParser.parse(tokens);
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
        case "truncate", "create", "drop" -> {
          if (isIndexDdl(tokens)) {
            return io.snapsync.core.sql.index.IndexParser.parse(sql);
          }
          return new Stmt.Ddl(io.snapsync.core.sql.ddl.DdlParser.parse(sql));
        }
        case "vacuum" -> {
          return io.snapsync.core.sql.index.IndexParser.vacuum(tokens);
        }
        case "analyze", "analyse" -> {
          return io.snapsync.core.sql.index.IndexParser.analyze(tokens);
        }
        case "explain" -> {
          return io.snapsync.core.sql.explain.ExplainParser.parse(sql, tokens, canceled);
        }
        case "copy" -> {
          return CopyParser.parse(sql, tokens);
        }
        default -> {
        }
      }
    }
    throw ParseErrors.at(first);
  }

  /** CREATE [UNIQUE] INDEX or DROP INDEX (run by {@code sql.index}). */
  private static boolean isIndexDdl(List<Token> tokens) {
    Token second = tokens.get(1);
    return second.isWord("index")
        || (tokens.get(0).isWord("create") && second.isWord("unique") && tokens.size() > 2
            && tokens.get(2).isWord("index"));
  }

  /** A query for the engine, its syntax checked by the project's grammar (42601 here). */
  private static Stmt query(String sql) {
    CalciteParse.parse(sql);
    return new Stmt.Query(sql);
  }

  /** 0A000 for valid SQL outside the subset. */
  static SnapsyncException unsupported(String what) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported", what);
  }
}
