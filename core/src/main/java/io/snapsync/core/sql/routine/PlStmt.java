package io.snapsync.core.sql.routine;

import java.util.List;

/** The statements of a PL/pgSQL body, as {@link PlParser} reads them; expressions are SQL text. */
sealed interface PlStmt {

  /**
   * {@code [DECLARE ...] BEGIN body [EXCEPTION WHEN ... THEN ...] END}; with handlers the body
   * runs in a subtransaction.
   */
  record Block(List<PlVar> vars, List<PlStmt> body, List<Handler> handlers) implements PlStmt {
  }

  /** {@code WHEN cond [OR cond] THEN body}: conditions are names or SQLSTATE codes. */
  record Handler(List<String> conditions, List<PlStmt> body) {
  }

  record Assign(String name, String expr) implements PlStmt {
  }

  /** IF: {@code conds.get(i)} guards {@code branches.get(i)}; {@code otherwise} may be empty. */
  record If(List<String> conds, List<List<PlStmt>> branches, List<PlStmt> otherwise)
      implements PlStmt {
  }

  /** LOOP, WHILE cond LOOP ({@code cond} null for LOOP). */
  record Loop(String cond, List<PlStmt> body) implements PlStmt {
  }

  /** FOR var IN [REVERSE] from .. to [BY step] LOOP. */
  record ForRange(String var, boolean reverse, String from, String to, String step,
      List<PlStmt> body) implements PlStmt {
  }

  /** EXIT or CONTINUE [WHEN cond]. */
  record Exit(boolean isContinue, String when) implements PlStmt {
  }

  /** RETURN [expr]. */
  record Return(String expr) implements PlStmt {
  }

  /** RETURN NEXT [expr]: adds a row to a set-returning function's result. */
  record ReturnNext(String expr) implements PlStmt {
  }

  /**
   * RETURN QUERY query, or RETURN QUERY EXECUTE {@code dynamic} [USING ...]: adds the rows to
   * a set-returning function's result.
   */
  record ReturnQuery(String query, Dynamic dynamic) implements PlStmt {
  }

  /**
   * RAISE level 'format' [, args] [USING option = expr, ...] ({@code format} null: only
   * USING); level EXCEPTION fails (P0001 unless ERRCODE); {@code reraise} for a bare RAISE.
   */
  record Raise(String level, String format, List<String> args, List<String[]> options,
      String condition, boolean reraise) implements PlStmt {
  }

  /** ASSERT cond [, message]. */
  record Assert(String cond, String message) implements PlStmt {
  }

  /** A SQL statement, its rows (first row) going INTO {@code into} when not null. */
  record Sql(String sql, List<String> into, boolean strict) implements PlStmt {
  }

  /** EXECUTE: {@code dynamic}'s text run, INTO {@code into} when not null. */
  record Execute(Dynamic dynamic, List<String> into, boolean strict) implements PlStmt {
  }

  /** The text expression of a dynamic command and its USING arguments. */
  record Dynamic(String expr, List<String> using) {
  }

  /** FOR target IN query | EXECUTE dynamic LOOP body END LOOP. */
  record ForQuery(List<String> targets, String query, Dynamic dynamic, List<PlStmt> body)
      implements PlStmt {
  }

  /** GET [CURRENT] DIAGNOSTICS var = item, ...; items ROW_COUNT. */
  record GetDiagnostics(List<String> vars, List<String> items) implements PlStmt {
  }

  /** PERFORM query: run, result discarded. */
  record Perform(String query) implements PlStmt {
  }

  /** COMMIT or ROLLBACK: refused when run (2D000), as PostgreSQL does inside a transaction block. */
  record TransactionControl(String word) implements PlStmt {
  }

  /** NULL; does nothing. */
  record Nothing() implements PlStmt {
  }

  /** A declared variable; {@code type} as written. */
  record PlVar(String name, String type, String init, boolean constant) {
  }
}
