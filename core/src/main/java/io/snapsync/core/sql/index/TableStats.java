package io.snapsync.core.sql.index;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Planner statistics of one table as its last ANALYZE on this node found them: the row count
 * and per column the number of distinct non-null values and the fraction of NULLs. Kept in
 * memory per node (like PostgreSQL's they are estimates; a restart forgets them and the
 * planner falls back to its defaults). Immutable; the registry is thread-safe.
 *
 * @param rows the table's row count
 * @param distinct per column: distinct non-null values (at least 1)
 * @param nullFraction per column: fraction of rows holding NULL
 */
public record TableStats(long rows, List<Double> distinct, List<Double> nullFraction) {

  private static final Map<Long, TableStats> BY_TABLE = new ConcurrentHashMap<>();
  private static final java.util.concurrent.atomic.AtomicLong EPOCH =
      new java.util.concurrent.atomic.AtomicLong();

  public TableStats {
    distinct = List.copyOf(distinct);
    nullFraction = List.copyOf(nullFraction);
  }

  /** The statistics of table {@code tableId}, or null before its first ANALYZE. */
  public static TableStats of(long tableId) {
    return BY_TABLE.get(tableId);
  }

  static void put(long tableId, TableStats s) {
    BY_TABLE.put(tableId, s);
    EPOCH.incrementAndGet();
  }

  /** Advances on every ANALYZE: cached plans made under another epoch are planned again. */
  public static long epoch() {
    return EPOCH.get();
  }

  /** The selectivity of {@code column = value}: PostgreSQL's 1 / distinct values. */
  public double equalitySelectivity(int column) {
    if (column >= distinct.size()) {
      return DEFAULT_EQ;
    }
    return (1 - nullFraction.get(column)) / Math.max(1, distinct.get(column));
  }

  /** PostgreSQL's DEFAULT_EQ_SEL. */
  public static final double DEFAULT_EQ = 0.005;
  /** PostgreSQL's DEFAULT_INEQ_SEL (one bound). */
  public static final double DEFAULT_INEQ = 1.0 / 3;
  /** PostgreSQL's DEFAULT_RANGE_INEQ_SEL (both bounds). */
  public static final double DEFAULT_RANGE = 0.005;
  /** Rows assumed for a table never analyzed. */
  public static final long DEFAULT_ROWS = 1000;
}
