package io.snapsync.core.stats;

/**
 * Totals of one normalized statement, as {@code pg_stat_statements} keeps them.
 *
 * @param query the statement text with literals replaced by {@code ?}
 * @param kind SELECT, INSERT, UPDATE, DELETE, DDL, UTILITY, FUNCTION, TRANSACTION
 * @param calls times run
 * @param totalNanos total elapsed time
 * @param maxNanos longest run
 * @param rows rows returned or affected
 */
public record StatementStats(String query, String kind, long calls, long totalNanos,
    long maxNanos, long rows) {

  public double meanNanos() {
    return calls == 0 ? 0 : (double) totalNanos / calls;
  }
}
