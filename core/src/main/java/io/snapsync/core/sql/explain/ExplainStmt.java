package io.snapsync.core.sql.explain;

import io.snapsync.core.sql.parse.Stmt;

/**
 * {@code EXPLAIN [ ( option [value], ... ) ] statement} or the older {@code EXPLAIN [ANALYZE]
 * [VERBOSE] statement}: the query text to explain and the options that change the output.
 *
 * @param query the text of the query to explain
 * @param analyze run the query and print actual rows, loops and time
 * @param costs print estimated costs, rows and widths
 * @param timing print actual times (with analyze)
 * @param summary print planning and execution time
 */
public record ExplainStmt(String query, boolean analyze, boolean costs, boolean timing,
    boolean summary) implements Stmt.Extension {

  @Override
  public String kind() {
    return "UTILITY";
  }
}
