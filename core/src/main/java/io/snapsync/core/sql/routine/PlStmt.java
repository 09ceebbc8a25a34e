package io.snapsync.core.sql.routine;

import java.util.List;

/** The statements of a PL/pgSQL body, as {@link PlParser} reads them; expressions are SQL text. */
sealed interface PlStmt {

  /** {@code [DECLARE ...] BEGIN body END}. */
  record Block(List<PlVar> vars, List<PlStmt> body) implements PlStmt {
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

  /** RETURN QUERY query: adds the query's rows to a set-returning function's result. */
  record ReturnQuery(String query) implements PlStmt {
  }

  /** RAISE level 'format' [, args]; level EXCEPTION fails with P0001. */
  record Raise(String level, String format, List<String> args) implements PlStmt {
  }

  /** PERFORM query: run, result discarded. */
  record Perform(String query) implements PlStmt {
  }

  /** NULL; does nothing. */
  record Nothing() implements PlStmt {
  }

  /** A declared variable; {@code type} as written. */
  record PlVar(String name, String type, String init, boolean constant) {
  }
}
